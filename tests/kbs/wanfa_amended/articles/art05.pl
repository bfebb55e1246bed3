:- encoding(utf8).
/*  第五条【会议决策效力】  */

article(5, "会议决策效力").
paragraph(5, 1, "局务会议是执行局内最高决策机构，会议形成的决议，执行局全体工作人员均应当执行。分管副院长、局长应尊重局务会议多数意见，不能形成多数意见的，分管副院长的意见作为局务会的决议。涉及重大、疑难、复杂事项的，如分管副院长、局长意见与多数意见不一致，局长可以报请分管院长决定，或者提请分管院长决定报请审判委员会讨论决定。").
paragraph(5, 2, "团队长联席会议是执行局咨询研讨机构，会议形成的意见，供各执行团队参考适用。").
paragraph(5, 3, "局务会议和团队长联席会议形成的决议和意见一律记录在案，留存备查。").

%   meeting_nature(Meeting, Nature, Binding, Citation).
meeting_nature('局务会议', '最高决策机构', true, c(5,1,null)).
meeting_nature('团队长联席会议', '咨询研讨机构', false, c(5,2,null)).

%   meeting_nature_text(Meeting, Text): the words of 5(1) and 5(2) that say
%   what the meeting is and whether what it resolves binds, verbatim (the
%   answer quotes them).
meeting_nature_text('局务会议', "局务会议是执行局内最高决策机构，会议形成的决议，执行局全体工作人员均应当执行").
meeting_nature_text('团队长联席会议', "团队长联席会议是执行局咨询研讨机构，会议形成的意见，供各执行团队参考适用").

%   How a 局务会议 decides (5(1)): the majority opinion, read as more than
%   half of the votes (i_majority_more_than_half); failing a majority, the
%   opinion of the 分管副院长.
decision_rule('局务会议', majority, c(5,1,null)).
decision_rule('局务会议', tie_break('分管副院长'), c(5,1,null)).

%   Escalation on major matters (5(1), third sentence): when the opinion of
%   the 分管副院长 or of the 局长 differs from the majority, the 局长 may ...
escalation_route('局务会议', '局长', '分管院长', "报请分管院长决定", c(5,1,null)).
escalation_route('局务会议', '局长', '审判委员会', "提请分管院长决定报请审判委员会讨论决定", c(5,1,null)).
escalation_dissenter('局务会议', '分管副院长').
escalation_dissenter('局务会议', '局长').

%   abstention(Opinion): an opinion given as an abstention.  It is no
%   opinion: it cannot be the majority, the resolution or the tie-break, and
%   it differs from no one; but it counts toward the total of votes of which
%   the majority must be more than half (i_abstention_counts).
abstention("弃权").

%   Duties and powers 5(1) gives, quoted verbatim (duty/3, as in art02.pl).
duty('分管副院长', "分管副院长、局长应尊重局务会议多数意见", c(5,1,null)).
duty('局长', "分管副院长、局长应尊重局务会议多数意见", c(5,1,null)).
duty('分管副院长', "不能形成多数意见的，分管副院长的意见作为局务会的决议", c(5,1,null)).
duty('局长', "涉及重大、疑难、复杂事项的，如分管副院长、局长意见与多数意见不一致，局长可以报请分管院长决定，或者提请分管院长决定报请审判委员会讨论决定", c(5,1,null)).

%   Everything both meetings resolve is recorded (5(3)).
meeting_record_kept('局务会议', c(5,3,null)).
meeting_record_kept('团队长联席会议', c(5,3,null)).
