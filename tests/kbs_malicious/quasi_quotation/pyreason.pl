:- encoding(utf8).
%   Attack: a quasi quotation: its parser runs while the term is read.
:- include(base).
text({|string(X)||hello|}).
