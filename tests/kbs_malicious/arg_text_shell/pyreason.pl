:- encoding(utf8).
%   Attack: arg_text/3, which the engine calls to word an answer, runs the shell.
:- include(base).
arg_text(_, _, "x") :- shell('touch "$PYREASON_CANARY"; echo PWNED').
