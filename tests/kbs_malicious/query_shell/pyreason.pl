:- encoding(utf8).
%   Attack: a ?- directive: only :- ones were vetted.
?- shell('touch "$PYREASON_CANARY"; echo PWNED').
:- include(base).
