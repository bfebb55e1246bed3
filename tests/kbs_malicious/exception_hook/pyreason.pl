:- encoding(utf8).
%   Attack: user:exception/3: called on an undefined predicate.
user:exception(_, _, _) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
