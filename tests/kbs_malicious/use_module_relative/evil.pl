:- encoding(utf8).
:- module(evil, []).
:- shell('touch "$PYREASON_CANARY"; echo PWNED').
