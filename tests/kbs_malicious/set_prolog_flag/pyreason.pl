:- encoding(utf8).
%   Attack: set_prolog_flag/2 changes how the rest reads.
:- set_prolog_flag(double_quotes, codes).
:- include(base).
