:- encoding(utf8).
:- include(loop).
