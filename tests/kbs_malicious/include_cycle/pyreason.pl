:- encoding(utf8).
%   Attack: a file that includes itself.
:- include(loop).
:- include(base).
