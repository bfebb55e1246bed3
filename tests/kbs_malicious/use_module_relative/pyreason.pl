:- encoding(utf8).
%   Attack: use_module of a file of its own: a module could define anything.
:- use_module(evil).
:- include(base).
