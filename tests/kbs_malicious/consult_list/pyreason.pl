:- encoding(utf8).
%   Attack: [File]: consults a file at load time.
:- [evil].
:- include(base).
