:- encoding(utf8).
%   Attack: a KB-defined alias for include/1.
file_search_path(mine, '.').
:- include(mine(evil)).
:- include(base).
