:- encoding(utf8).
%   Attack: a syntax error after a directive: the directive ran before the file was refused.
:- shell('touch "$PYREASON_CANARY"; echo PWNED').
:- include(base).
broken(( .
