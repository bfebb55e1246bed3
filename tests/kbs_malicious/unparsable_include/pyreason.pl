:- encoding(utf8).
%   Attack: an included file the vetter could not parse was skipped, and its directive ran at load.
:- include(broken).
:- include(base).
