:- encoding(utf8).
%   Attack: a :- directive that runs the shell.
:- shell('touch "$PYREASON_CANARY"; echo PWNED').
:- include(base).
