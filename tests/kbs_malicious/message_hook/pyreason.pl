:- encoding(utf8).
%   Attack: user:message_hook/3: called on any message, e.g. the warning a singleton gives.
user:message_hook(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
singleton(X) :- true.
