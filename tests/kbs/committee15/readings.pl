:- encoding(utf8).
/*  Readings: where the text is silent (gap) or unclear (interpretation).

    reading(Id, Kind, Citations, Chinese, English)
      gap: the rules give no answer for these facts; an answer that needs
           one has status "gap" and leaves the field null.
      interpretation: a reading of unclear text the KB applies, with its
           reason; every answer that relies on it lists it.
*/

%   ---- gaps -------------------------------------------------------------------

reading(g_no_chair, gap, [c(3,1,null), c(3,2,null)],
  "主任委员和副主任委员均未出席时由谁召集和主持，出席人数已过全体组成人员半数的会议能否召开并形成决议，本规则未作规定（出席人数未过半数的，依照第三条第二款本来不得召开）。",
  "These rules do not say who convenes and chairs the committee when neither the chair nor the vice-chair attends, nor whether a meeting attended by more than half of all members can then resolve anything (one attended by no more than half may not be held anyway, Art. 3(2)).").
reading(g_chair_abstained_on_tie, gap, [c(4,2,null)],
  "赞成票与反对票票数相等的，按照会议主持人的表决意见决定决议是否通过；主持人本人投弃权票的，其表决意见既非赞成也非反对，决议是否通过本规则未作规定。",
  "On a tie the chair's own vote decides whether the resolution passes; when the chair abstained, his vote is neither for nor against, and these rules do not say whether the resolution passes.").

%   ---- interpretations -----------------------------------------------------------

reading(i_present_are_voters, interpretation, [c(3,2,null), c(4,1,null)],
  "第四条第一款要求出席会议的组成人员逐一表明赞成、反对或者弃权的意见，故出席人数按表明意见的组成人员计算；未表明意见的组成人员视为未出席。",
  "Art. 4(1) has every member present state 赞成 (for), 反对 (against) or 弃权 (abstain), so those present are counted as the members who stated an opinion; a member who stated none is taken as not present.").
reading(i_no_votes_no_tie, interpretation, [c(4,2,null)],
  "出席的组成人员均投弃权票的，赞成票与反对票均为零，不属于第四条第二款所称由主持人决定的“票数相等”：此时无人赞成，决议未经出席人员过半数赞成，不通过。",
  "When every member present abstains, there are no votes for and none against; this is not the tie of Art. 4(2) that the chair decides: nobody is for, so the resolution lacks the votes of more than half of those present and fails.").
reading(i_tie_rule_prevails, interpretation, [c(4,2,null)],
  "票数相等时赞成票不可能超过出席人数的半数；第四条第二款第二句是第一句的特别规定，主持人投赞成票的，决议通过，不再要求出席人员过半数赞成。",
  "On a tie the votes for can never be more than half of those present; the second sentence of Art. 4(2) is a special rule to the first, so when the chair voted for, the resolution passes without the votes of more than half of those present.").
