:- encoding(utf8).
%   Attack: ensure_loaded(library(process)).
:- ensure_loaded(library(process)).
:- include(base).
