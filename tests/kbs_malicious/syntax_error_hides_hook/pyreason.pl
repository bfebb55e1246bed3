:- encoding(utf8).
%   Attack: a syntax error, then a hook: the vetter stopped reading at the error.
:- include(base).
broken(( .
user:message_hook(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
