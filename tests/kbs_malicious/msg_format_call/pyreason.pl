:- encoding(utf8).
%   Attack: a message format with ~@ (format calls its argument).
:- include(base).
msg(refund_band, zh, "~@~w").
