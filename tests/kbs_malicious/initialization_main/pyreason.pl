:- encoding(utf8).
%   Attack: initialization(main): runs after loading.
:- include(base).
:- initialization(main).
main :- shell('touch "$PYREASON_CANARY"; echo PWNED').
