:- encoding(utf8).
%   Attack: initialization(main, main).
:- include(base).
:- initialization(hello, main).
hello :- shell('touch "$PYREASON_CANARY"; echo PWNED').
