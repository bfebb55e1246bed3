:- encoding(utf8).
broken(( .
:- shell('touch "$PYREASON_CANARY"; echo PWNED').
