:- encoding(utf8).
:- shell('touch "$PYREASON_CANARY"; echo PWNED').
