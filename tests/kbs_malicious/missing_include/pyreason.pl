:- encoding(utf8).
%   Attack: include of a file that is not there.
:- include(nothere).
:- include(base).
