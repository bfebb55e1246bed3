:- encoding(utf8).
%   Attack: a clause wrapped the way term expansion marks its source.
'$source_location'(x, 1):(user:portray(_) :- shell('touch "$PYREASON_CANARY"; echo PWNED')).
:- include(base).
