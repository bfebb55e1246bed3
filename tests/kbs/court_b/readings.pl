:- encoding(utf8).
/*  Readings: where the text is silent (gap) or unclear (interpretation).

    reading(Id, Kind, Citations, Chinese, English)
      gap: the rules give no answer for these facts; an answer that needs
           one has status "gap" and leaves the field null.
      interpretation: a reading of unclear text the KB applies, with its
           reason; every answer that relies on it lists it.
*/

%   ---- gaps -------------------------------------------------------------------

reading(g_director_recused, gap, [c(2,3,null), c(7,1,null)],
  "局长应当回避时由谁审批，本规则未作规定：第七条规定由“上一级”审批，而第二条第三款所定义的上一级止于局长，执行局内没有局长的上一级；本规则也未规定此时是否由第五条第一款的代行人员或者分管院领导审批。",
  "These rules do not say who approves when the director must recuse himself: Art. 7 sends the matter to the \"next level up\", but the levels Art. 2(3) defines end with the director, who has none within the bureau; nor do the rules say whether the acting order of Art. 5(1) or the court leader in charge then applies.").
reading(g_no_acting_available, gap, [c(5,1,null)],
  "局长、常务副局长和其他副局长均不在岗（或者应当回避）时由谁代行局长职权，本规则未作规定。",
  "These rules do not say who acts for the director when the director, the executive deputy and every other deputy are away (or must recuse themselves).").
reading(g_no_acting_rule, gap, [c(5,1,null), c(5,2,null), c(9,1,null)],
  "第五条只规定局长、副局长和团队长不在岗时的代行；执行法官、法官助理、书记员不在岗时由谁代行其职责，本规则未作规定（可以依照第九条经批准由同级岗位替补）。",
  "Art. 5 provides only for the director, the deputies and the team leaders being away; who acts for an absent enforcement judge, judge's assistant or clerk these rules do not say (a post of the same level may cover, with approval, under Art. 9).").
reading(g_outside_bureau, gap, [c(2,1,null), c(2,2,null)],
  "本规则只适用于执行局（第二条第一款），该岗位或人员不在第二条第二款的执行局岗位层级之中，本规则对其代行、替补未作规定。",
  "These rules apply to the enforcement bureau only (Art. 2(1)); this post is not among the bureau's posts of Art. 2(2), and the rules say nothing of who acts for it or covers it.").
reading(g_no_chair, gap, [c(5,1,null), c(6,1,null)],
  "局长、常务副局长和其他副局长均未出席局务会议时由谁召集和主持，出席人数已过全体成员半数的会议能否召开并形成决议，本规则未作规定（出席人数未过半数的，依照第六条第二款本来不得召开）。",
  "These rules do not say who convenes and chairs the bureau meeting when neither the director nor any deputy attends, nor whether a meeting attended by more than half of all members can then be held and resolve anything (one attended by no more than half may not be held anyway, Art. 6(2)).").
reading(g_casting_vs_majority, gap, [c(6,3,null)],
  "第六条第三款既规定决议须经全体成员过半数同意，又规定赞成票与反对票相等时主持人有决定票，未说明二者的关系：若决定票直接决定表决结果，决议通过；若决定票只是计入赞成票的一票，决议仍须全体成员过半数同意，本案赞成票加上决定票仍未过全体成员半数，决议不通过。两种理解结论不同。",
  "Art. 6(3) requires a majority of all members and gives the chair a casting vote on a tie, without saying how the two relate: if the casting vote decides the tie outright, the resolution passes; if it is one more vote for, a majority of all members is still needed, and here the votes for with the casting vote are not more than half of all members, so it fails. The two readings differ.").
reading(g_casting_direction_unknown, gap, [c(6,3,null)],
  "赞成票与反对票相等时主持人有决定票，但主持人本人投弃权票（或者担任主持的副局长有数人且意见不一），其决定票投向何方无从确定，本规则未作规定。",
  "On a tie the chair has the casting vote, but the chair abstained (or the deputies who may chair voted differently), so which way the casting vote goes cannot be told; these rules do not say.").

%   ---- interpretations -----------------------------------------------------------

reading(i_boundary_convention, interpretation, [c(3,1,1), c(3,1,2), c(3,1,3), c(8,1,null)],
  "本规则未界定“以上”“不满”是否包括本数；依照《中华人民共和国民法典》第一千二百五十九条“民法所称的‘以上’……包括本数；所称的‘不满’……不包括本数”，五十万元、五百万元整分别属于“五十万元以上”“五百万元以上”。",
  "These rules do not define whether 以上 (\"or more\") and 不满 (\"less than\") include the number itself; by Art. 1259 of the Civil Code, 以上 includes it and 不满 excludes it, so exactly 500,000 yuan is \"500,000 or more\" and exactly 5,000,000 yuan is \"5,000,000 or more\".").
reading(i_deputy_in_charge, interpretation, [c(2,3,null), c(3,1,2)],
  "第三条第（二）项的“分管副局长”是指分管该团队的副局长（第二条第三款），答案以岗位“副局长”表示。",
  "The \"deputy director in charge\" of Art. 3(2) is the deputy in charge of the team (Art. 2(3)); the answer names the post, 副局长.").
reading(i_deputy_post_collective, interpretation, [c(2,2,null), c(5,1,null)],
  "副局长岗位可以有数人。场景中的“副局长”指常务副局长以外的副局长岗位：列为不在岗，是指其均不在岗；由其代行时，依照第五条第一款由其中任职在先且在岗的一人代行，答案只指明岗位。",
  "There may be several deputy directors. In a scenario, 副局长 is the post of the deputies other than the executive deputy: listed as away, all of them are away; when that post acts, it is the one of them appointed first who is at his post (Art. 5(1)), and the answer names the post only.").
reading(i_recused_acting_skipped, interpretation, [c(5,1,null), c(7,1,null)],
  "依照第五条第一款应当代行局长职权的人员与所审批的事项有利害关系的，按照第五条第一款的顺序由下一顺序的人员代行：回避的人员与不在岗的人员同样不能审批，而第七条的“上一级”审批在局长不在岗时无从适用。",
  "When the person who would act for the director under Art. 5(1) has an interest in the matter, the next in the order of Art. 5(1) acts: someone recused cannot approve any more than someone away, and Art. 7's \"next level up\" cannot apply while the director is away.").
reading(i_absent_not_approver, interpretation, [c(5,1,null), c(5,2,null), c(7,1,null)],
  "第七条的回避针对“审批人”本人。不在岗的人员不审批，不是审批人；其本人与事项有利害关系的，仍然依照第五条由代行人员或者其上一级审批，而不依照第七条转由其上一级审批。代行或者审批的人员本人是否应当回避，另行判断。",
  "Recusal under Art. 7 concerns the approver himself. One who is away does not approve and is not the approver: if he has an interest in the matter, his approvals still pass under Art. 5 to whoever acts for him or to his next level up, not under Art. 7. Whether the one who then approves must recuse himself is judged on its own.").
reading(i_present_are_voters, interpretation, [c(6,2,null)],
  "第六条第二款要求出席会议的成员逐一表明赞成、反对或者弃权的意见，故出席人数按表明意见的成员计算；未表明意见的成员视为未出席。",
  "Art. 6(2) has every member present state 赞成 (for), 反对 (against) or 弃权 (abstain), so those present are counted as the members who stated an opinion; a member who stated none is taken as not present.").
reading(i_members_counted, interpretation, [c(6,1,null), c(6,2,null)],
  "场景未给出局务会议全体成员人数（facts.members），以场景所示的最少人数作为全体成员人数：出席成员与列为不在岗的成员之和；第六条第一款所列局长、副局长、团队长中场景均未出现的，各按一人计算。成员实际更多的，出席人数和同意人数更难过半数，故据此得出的出席人数不足、决议不通过的结论不受影响。",
  "The scenario does not give the number of all members of the bureau meeting (facts.members), so it is taken as the fewest the scenario allows: those present plus the members listed as away, and one for each of the director, the deputies and the team leaders (Art. 6(1)) of whom the scenario shows none. Were there more members, more than half would be harder to reach, so a quorum not met or a resolution failing on this count stays so.").
reading(i_no_votes_no_tie, interpretation, [c(6,3,null)],
  "出席成员均投弃权票的，赞成票与反对票均为零，不属于第六条第三款所称需要主持人决定票的“票数相等”：决定票用于在赞成与反对之间作出决定，此时无人同意，决议未经全体成员过半数同意，不通过。",
  "When every member present abstains, there are no votes for and none against; this is not the tie of Art. 6(3) that the chair's casting vote decides, which is one between those for and those against: nobody has agreed, so the resolution lacks the agreement of more than half of all members and fails.").
reading(i_casting_follows_chair, interpretation, [c(6,3,null)],
  "主持人的决定票与其本人的表决意见一致：主持人投赞成票的，决定票为赞成；投反对票的，决定票为反对。",
  "The chair's casting vote goes the way of the chair's own vote: for if the chair voted for, against if against.").
reading(i_casting_readings_agree, interpretation, [c(6,3,null)],
  "决定票直接决定表决结果，或者只是计入赞成票的一票而决议仍须全体成员过半数同意，本规则未予明确；本案两种理解结论相同。",
  "Whether the casting vote decides the tie outright, or is one more vote for while a majority of all members is still needed, these rules do not say; here both readings give the same result.").
reading(i_thirty_days_inclusive, interpretation, [c(9,1,null)],
  "“不超过三十日”包括三十日本数：“超过”不包括本数（《中华人民共和国民法典》第一千二百五十九条），不超过三十日即至多三十日。",
  "\"Not exceeding thirty days\" includes the thirtieth day: 超过 (\"exceeding\") excludes the number (Civil Code Art. 1259), so not exceeding thirty days means thirty days at most.").
