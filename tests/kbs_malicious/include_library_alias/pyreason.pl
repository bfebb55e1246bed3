:- encoding(utf8).
%   Attack: include(library(...)): an alias, not a file of the KB.
:- include(library(lists)).
:- include(base).
