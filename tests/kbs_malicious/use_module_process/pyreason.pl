:- encoding(utf8).
%   Attack: use_module(library(process)) and a rule that starts a process.
:- use_module(library(process)).
:- include(base).
q_run :- process_create(path(touch), [x], []).
