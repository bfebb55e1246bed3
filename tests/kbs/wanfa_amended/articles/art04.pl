:- encoding(utf8).
/*  第四条【集体讨论会议制度】  */

article(4, "集体讨论会议制度").
paragraph(4, 1, "执行局定期召开局务会议和团队长联席会议。").
paragraph(4, 2, "局务会议由局长主持，分管副院长、局长、副局长、党支部书记及相关事项负责人员参加；团队长联席会议由局长、副局长、团队长参加。").
paragraph(4, 3, "局务会议、团队长联席会议可以邀请院长、副院长等相关人员参加。").

meeting('局务会议', c(4,1,null)).
meeting('团队长联席会议', c(4,1,null)).

%   meeting_member(Meeting, Role, Citation): who takes part as of right.
meeting_member('局务会议', '分管副院长', c(4,2,null)).
meeting_member('局务会议', '局长', c(4,2,null)).
meeting_member('局务会议', '副局长', c(4,2,null)).
meeting_member('局务会议', '党支部书记', c(4,2,null)).
meeting_member('局务会议', '相关事项负责人员', c(4,2,null)).
meeting_member('团队长联席会议', '局长', c(4,2,null)).
meeting_member('团队长联席会议', '副局长', c(4,2,null)).
meeting_member('团队长联席会议', '团队长', c(4,2,null)).

%   meeting_chair(Meeting, Role, Citations): who presides.  4(2) names the
%   chair of the 局务会议 only; 6(2) gives both meetings to the director.
meeting_chair('局务会议', '局长', [c(4,2,null), c(6,1,2)]).
meeting_chair('团队长联席会议', '局长', [c(6,1,2)]).

%   meeting_invitee(Meeting, Role, Citation): may be invited (4(3)).  "等相关
%   人员" leaves the list open, so any person may be an invitee.
meeting_invitee('局务会议', '院长', c(4,3,null)).
meeting_invitee('局务会议', '副院长', c(4,3,null)).
meeting_invitee('团队长联席会议', '院长', c(4,3,null)).
meeting_invitee('团队长联席会议', '副院长', c(4,3,null)).
