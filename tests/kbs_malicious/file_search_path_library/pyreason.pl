:- encoding(utf8).
%   Attack: a KB-defined file_search_path redirecting library(...) to its own directory.
user:file_search_path(library, '.').
:- use_module(library(lists)).
:- include(base).
