:- encoding(utf8).
%   Attack: a check_violation/4 whose goal is the shell.
:- include(base).
check_violation(c, error, d, shell('touch "$PYREASON_CANARY"; echo PWNED')).
