:- encoding(utf8).
%   Attack: term_expansion/2 in the KB's own module: called while loading the rest.
term_expansion(T, T) :- shell('touch "$PYREASON_CANARY"; echo PWNED'), fail.
:- include(base).
