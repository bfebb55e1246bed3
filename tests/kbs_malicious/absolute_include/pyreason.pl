:- encoding(utf8).
%   Attack: include of an absolute path.
:- include('/etc/hostname').
:- include(base).
