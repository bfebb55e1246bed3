:- encoding(utf8).
%   Attack: a question whose goal is the shell itself.
:- include(base).
question(run, [], shell('touch "$PYREASON_CANARY"; echo PWNED'), _, _).
