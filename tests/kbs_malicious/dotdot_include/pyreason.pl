:- encoding(utf8).
%   Attack: include leaving the KB's directory by ...
:- include('../outside').
:- include(base).
