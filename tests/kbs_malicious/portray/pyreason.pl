:- encoding(utf8).
%   Attack: user:portray/1: called when a term is printed.
user:portray(_) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
