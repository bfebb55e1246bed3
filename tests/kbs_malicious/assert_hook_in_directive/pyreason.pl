:- encoding(utf8).
%   Attack: a hook added by assert in a directive.
:- assertz((user:message_hook(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail)).
:- include(base).
