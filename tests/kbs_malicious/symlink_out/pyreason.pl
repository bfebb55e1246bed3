:- encoding(utf8).
%   Attack: include of a file that is a symbolic link to a file outside the KB (made by the test: link.pl -> ../outside.pl).
:- include(link).
:- include(base).
