:- encoding(utf8).
%   Attack: an operator exported in the module list.
:- module(evil, [op(700, xfx, ===>)]).
:- include(base).
a ===> b.
