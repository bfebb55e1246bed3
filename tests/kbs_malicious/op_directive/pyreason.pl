:- encoding(utf8).
%   Attack: op/3: an operator changes how the rest reads.
:- op(700, xfx, ===>).
:- include(base).
a ===> b.
