:- encoding(utf8).
%   Attack: declaring a predicate of another module dynamic.
:- dynamic user:message_hook/3.
:- include(base).
