:- encoding(utf8).
%   Attack: another encoding than UTF-8: the vetter and the loader could read different terms.
:- encoding(iso_latin_1).
:- include(base).
