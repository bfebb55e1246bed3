:- encoding(utf8).
/*  The words of the explanations and errors, in Chinese and English.

    msg(Key, Lang, Format): Format is a format/2 string whose ~w take the
    step's arguments, each rendered by the engine (names, strings, lists) or by
    arg_text/3 below for this KB's own terms.
*/

msg(authorisation_dormant, zh, "~w在岗，~w对~w的授权不发生代为履行的效果（第八条第（五）项以局长不在岗为前提）。").
msg(authorisation_dormant, en, "~w is at his post, so the authorisation by ~w of ~w has no acting effect (Art. 8(5) requires the director to be away).").
msg(acting, zh, "~w不在岗，经~w授权，由~w代为履行其职责。").
msg(acting, en, "~w is away; authorised by ~w, ~w acts in his place.").
msg(authorised_agent_absent, zh, "~w不在岗，~w已授权~w代为履行，但被授权人也不在岗。").
msg(authorised_agent_absent, en, "~w is away; ~w has authorised ~w to act for him, who is away too.").
msg(absent_unauthorised, zh, "~w不在岗，且未授权~w代为履行职责。").
msg(absent_unauthorised, en, "~w is away and ~w has not been authorised to act for him.").
msg(absent_no_rule, zh, "~w不在岗，本规定未规定由谁代行其职权。").
msg(absent_no_rule, en, "~w is away; the regulation does not say who acts for him.").
msg(authorisation_no_agent, zh, "~w对~w的授权在本规定中没有依据，不予考虑：本规定只规定副局长根据授权召集并主持会议（第八条第（三）项）和代为履行局长职责（第八条第（五）项、第九条第（四）项）。").
msg(authorisation_no_agent, en, "The authorisation by ~w of ~w has no basis in the regulation and is disregarded: the regulation provides only for the deputy to chair the meetings (Art. 8(3)) and to act for the director (Art. 8(5), 9(4)) by authorisation.").
msg(authorisation_not_grantor, zh, "~w对~w的授权不予考虑：第八条第（三）项规定“根据局长授权”；第八条第（五）项、第九条第（四）项只规定“根据授权”，没有写明由谁授权，本工具只认可局长和分管副院长的授权（见解释）。").
msg(authorisation_not_grantor, en, "The authorisation by ~w of ~w is disregarded: Art. 8(3) requires the director's authorisation; Art. 8(5) and 9(4) say only \"by authorisation\" without naming who authorises, and this tool accepts only the director's and the vice-president in charge's (see the interpretation).").
msg(decides, zh, "~w，由~w~w。").
msg(decides, en, "~w: ~w decides (~w).").
msg(requested_by, zh, "该事项由~w报请。").
msg(requested_by, en, "The matter is submitted by ~w.").
msg(not_major, zh, "~w只适用于重大事项或重大、疑难、复杂案件；本案不属于，该项不适用，本规定未规定由谁批准。").
msg(not_major, en, "~w applies only to major matters or major, difficult or complex cases; this one is not, so the item does not apply and the regulation names no approver.").
msg(major_assumed, zh, "~w只适用于重大事项或重大、疑难、复杂案件；未说明本案是否属于，答案以属于为前提。").
msg(major_assumed, en, "~w applies only to major matters or major, difficult or complex cases; the scenario does not say whether this one is, and the answer assumes it is.").
msg(art11_2_not_applied, zh, "第十一条第二款“重大事项，由局长报请分管副院长决定”属于分歧处理，不改变本事项由谁批准或决定（见解释）。").
msg(art11_2_not_applied, en, "Art. 11(2) (major matters: the director submits them to the vice-president in charge) belongs to handling disagreements and does not change who approves or decides this matter (see the interpretation).").
msg(process_approval, zh, "该事项在报请批准前由~w进行过程审批。").
msg(process_approval, en, "Before final approval, ~w gives the process approval (过程审批).").
msg(no_process_approval, zh, "第九条第（一）项的过程审批只涉及第七条第一、第二、第三、第五项，不包括第~w项，该事项没有副局长的过程审批。").
msg(no_process_approval, en, "The process approval of Art. 9(1) covers Art. 7 items 1, 2, 3 and 5 only, not item ~w: this matter has no process approval by the deputy.").
msg(reports_to, zh, "~w向~w负责。").
msg(reports_to, en, "~w answers to ~w.").
msg(no_superior, zh, "本规定没有规定~w向谁负责。").
msg(no_superior, en, "The regulation does not say to whom ~w answers.").
msg(chain_top, zh, "~w是本规定所列负责链条的顶端。").
msg(chain_top, en, "~w is the top of the chain the regulation sets out.").
msg(superior_absent, zh, "~w不在岗，但负责关系不因此改变；本规定未规定此时由谁代行。").
msg(superior_absent, en, "~w is away; the reporting line stands, and the regulation does not say who acts meanwhile.").
msg(vp_party, zh, "分歧双方为~w与~w，涉及分管副院长。").
msg(vp_party, en, "The parties are ~w and ~w: the vice-president in charge is one of them.").
msg(acting_for_own_superior, zh, "~w本人根据授权代为履行~w的职责；本规定未规定此期间其向谁负责。").
msg(acting_for_own_superior, en, "~w himself acts for ~w by authorisation; the regulation does not say to whom he answers meanwhile.").
msg(unranked, zh, "无法比较~w与~w的岗位高低。").
msg(unranked, en, "The posts ~w and ~w cannot be ranked against each other.").
msg(lateral_substitution, zh, "~w与~w是同级岗位，同级岗位之间经局长批准可以平级替补。").
msg(lateral_substitution, en, "~w and ~w are posts of the same level: the amended Art. 12(1) allows a lateral substitution between them with the director's approval.").
msg(lateral_decider, zh, "平级替补由~w批准。").
msg(lateral_decider, en, "A lateral substitution is approved by ~w.").
msg(reverse_substitution, zh, "~w是~w的上级岗位，上级替补下级属于逆向替补，不得进行。").
msg(reverse_substitution, en, "~w is above ~w: a higher post covering a lower one is reverse substitution, which is not allowed.").
msg(forward_substitution, zh, "~w是~w的下级岗位，下级替补上级属于顺向替补。").
msg(forward_substitution, en, "~w is below ~w: a lower post covering a higher one is forward substitution.").
msg(leadership_excluded, zh, "~w是领导岗位，第十二条的岗位职责替补不适用于领导岗位（“除领导岗位外”）。").
msg(leadership_excluded, en, "~w is a leadership post, and Art. 12 substitution excludes leadership posts (\"除领导岗位外\").").
msg(leadership_unclear, zh, "~w是否属于领导岗位不明确，无法确定能否替补。").
msg(leadership_unclear, en, "Whether ~w is a leadership post is unclear, so whether it may be covered cannot be said.").
msg(substitution_decider, zh, "~w范围内的临时性岗位职责替补由~w决定。").
msg(substitution_decider, en, "A temporary substitution within the ~w is decided by ~w.").
msg(decider_absent_passes_up, zh, "~w不在岗，由~w决定（第十二条第二款的范围是嵌套的，见解释）。").
msg(decider_absent_passes_up, en, "~w is away, so ~w decides (the scopes of Art. 12(2) are nested; see the interpretation).").
msg(substitution_deciders_nested, zh, "~w对~w范围内人员的临时性岗位职责替补也有权决定（第十二条第二款的范围是嵌套的）。").
msg(substitution_deciders_nested, en, "~w may also decide temporary substitutions of staff within the ~w (the scopes of Art. 12(2) are nested).").
msg(acting_instead, zh, "~w的职责只能依第八条第（五）项，在其不在岗时根据授权由~w代为履行。").
msg(acting_instead, en, "The duties of ~w pass only under Art. 8(5): while he is away, by authorisation, to ~w.").
msg(no_command_authority, zh, "~w在执行局指挥管理层级中没有位置。").
msg(no_command_authority, en, "~w has no place in the bureau's command levels.").
msg(lower_yields, zh, "下级指挥管理权服从上级指挥管理权：~w的层级高于~w。").
msg(lower_yields, en, "The lower command yields to the higher: ~w ranks above ~w.").
msg(same_level, zh, "~w与~w处于同一指挥管理层级。").
msg(same_level, en, "~w and ~w are at the same command level.").
msg(major_disagreement, zh, "属于重大事项，由~w决定，由~w报请。").
msg(major_disagreement, en, "It is a major matter: ~w decides, on submission by ~w.").
msg(higher_party_decides, zh, "分歧一方~w的指挥管理层级高于~w内作为决定意见的~w，以其意见为准。").
msg(higher_party_decides, en, "The party ~w ranks above the deciding view within the ~w, that of ~w, so his view prevails.").
msg(deciding_view, zh, "~w内以~w的指挥管理意见作为决定意见。").
msg(deciding_view, en, "Within the ~w, the view of ~w is the deciding view.").
msg(view_passes_up, zh, "~w不在岗，以执行局内的决定意见即~w的指挥管理意见为准（见解释）。").
msg(view_passes_up, en, "~w is away, so the bureau's deciding view, that of ~w, decides (see the interpretation).").
msg(invitees, zh, "~w的受邀人员：~w（第四条第三款）。").
msg(invitees, en, "Invitees to the ~w: ~w (Art. 4(3)).").
msg(invitees_other, zh, "~w的受邀人员中，~w不是第四条第三款列名的院长、副院长，属于“等相关人员”。").
msg(invitees_other, en, "Among the invitees to the ~w, ~w are not the president or vice-presidents named in Art. 4(3) but \"other relevant persons\".").
msg(duty, zh, "职责：~w。").
msg(duty, en, "Duty or power: ~w.").
msg(decides_matter, zh, "决定或批准：~w。").
msg(decides_matter, en, "Decides or approves: ~w.").
msg(process_matter, zh, "过程审批：~w。").
msg(process_matter, en, "Process approval of: ~w.").
msg(command_authority, zh, "第~w级（~w）指挥管理权限：~w。").
msg(command_authority, en, "Command authority at level ~w (~w): ~w.").
msg(leads_bureau, zh, "~w领导和指挥执行局。").
msg(leads_bureau, en, "~w leads and commands the bureau.").
msg(chairs, zh, "主持~w。").
msg(chairs, en, "Chairs the ~w.").
msg(attends, zh, "参加~w。").
msg(attends, en, "Takes part in the ~w.").
msg(dual_responsibility, zh, "~w要切实履行一岗双责的主体责任。").
msg(dual_responsibility, en, "~w bears the dual responsibility of the post (一岗双责).").
msg(no_duties, zh, "本规定没有规定~w的职责。").
msg(no_duties, en, "The regulation sets no duties for ~w.").
msg(chair_by_authorisation, zh, "~w由~w授权~w召集并主持。").
msg(chair_by_authorisation, en, "The ~w is convened and chaired, by authorisation of ~w, by ~w.").
msg(chair, zh, "~w由~w主持。").
msg(chair, en, "The ~w is chaired by ~w.").
msg(chair_acting, zh, "~w由代为履行~w职责的~w主持。").
msg(chair_acting, en, "The ~w is chaired by ~w, acting for ~w.").
msg(no_chair, zh, "~w应由~w主持，但其不在岗，也没有受授权且在岗的副局长。").
msg(no_chair, en, "The ~w is to be chaired by ~w, who is away, and no deputy at his post has been authorised.").
msg(majority, zh, "多数意见为~w，作为会议决议。").
msg(majority, en, "The majority opinion is ~w, which is the meeting's resolution.").
msg(no_majority_tie_break, zh, "不能形成多数意见，以~w的意见~w作为决议。").
msg(no_majority_tie_break, en, "No majority was formed, so the opinion of ~w, ~w, is the resolution.").
msg(advisory_unanimous, zh, "与会人员意见一致：~w。").
msg(advisory_unanimous, en, "All who took part held the same opinion: ~w.").
msg(no_majority_no_vp, zh, "不能形成多数意见，且分管副院长未发表意见。").
msg(no_majority_no_vp, en, "No majority was formed and the vice-president in charge gave no opinion.").
msg(advisory_divided, zh, "与会人员意见不一致。").
msg(advisory_divided, en, "Those who took part held different opinions.").
msg(escalation_open, zh, "涉及重大、疑难、复杂事项，~w的意见与多数意见不一致，局长可以报请分管院长决定，或者提请分管院长决定报请审判委员会讨论决定。").
msg(escalation_open, en, "The matter is major, difficult or complex and the opinion of ~w differs from the majority: the director may submit it to the court leader in charge, or ask him to refer it to the adjudication committee.").
msg(escalation_not_major, zh, "~w的意见与多数意见不一致，但事项不属于重大、疑难、复杂事项，不能报请。").
msg(escalation_not_major, en, "The opinion of ~w differs from the majority, but the matter is not major, difficult or complex, so it cannot be escalated.").
msg(reading_outcome, zh, "~w：~w。").
msg(reading_outcome, en, "~w: ~w.").
msg(plurality_reading, zh, "附注：若将“多数意见”理解为相对多数（得票最多即可），结论为~w；本答案按过半数理解（见解释）。").
msg(plurality_reading, en, "Note: reading \"majority\" as merely the most votes would give ~w; this answer reads it as more than half (see the interpretation).").
msg(plurality_reading_counting, zh, "附注：若将“多数意见”理解为相对多数（得票最多即可），~w时结论为~w；本答案按过半数理解（见解释）。").
msg(plurality_reading_counting, en, "Note: reading \"majority\" as merely the most votes, ~w, would give ~w; this answer reads it as more than half (see the interpretation).").
msg(abstentions_counted, zh, "弃权~w票：弃权不是意见，但计入表决总数，多数意见须超过包括弃权在内的全部表决的一半（见解释）。").
msg(abstentions_counted, en, "~w abstention(s): an abstention is no opinion, but it counts toward the total, so a majority opinion needs more than half of all votes, abstentions included (see the interpretation).").
msg(abstentions_no_opinion, zh, "弃权~w票：弃权不是意见，不影响与会人员意见是否一致（见解释）。").
msg(abstentions_no_opinion, en, "~w abstention(s): an abstention is no opinion and does not break unanimity (see the interpretation).").
msg(meeting_nature, zh, "~w~w：第五条规定~w。").
msg(meeting_nature, en, "What the ~w resolves is ~w.").
msg(record_kept, zh, "~w形成的决议和意见一律记录在案，留存备查。").
msg(record_kept, en, "What the ~w resolves is recorded and kept on file.").

%   ---- flips ---------------------------------------------------------------

msg(flip_absent_on, zh, "若~w不在岗").
msg(flip_absent_on, en, "if ~w were away").
msg(flip_absent_off, zh, "若~w在岗").
msg(flip_absent_off, en, "if ~w were at his post").
msg(flip_authorized_on, zh, "若~w授权~w").
msg(flip_authorized_on, en, "if ~w authorised ~w").
msg(flip_authorized_off, zh, "若~w未授权~w").
msg(flip_authorized_off, en, "if ~w had not authorised ~w").
msg(flip_major_on, zh, "若属于重大、疑难、复杂事项").
msg(flip_major_on, en, "if the matter were major, difficult or complex").
msg(flip_major_off, zh, "若不属于重大、疑难、复杂事项").
msg(flip_major_off, en, "if the matter were not major, difficult or complex").

%   ---- errors --------------------------------------------------------------

msg(err_unknown_role, zh, "未知的角色或岗位：~w").
msg(err_unknown_role, en, "unknown role or post: ~w").
msg(err_unknown_matter, zh, "未知的事项：~w").
msg(err_unknown_matter, en, "unknown matter: ~w").
msg(err_unknown_meeting, zh, "未知的会议：~w").
msg(err_unknown_meeting, en, "unknown meeting: ~w").
msg(err_unknown_scope, zh, "未知的范围：~w").
msg(err_unknown_scope, en, "unknown scope: ~w").
msg(err_absent_voter, zh, "~w已列为不在岗，不能在会上发表意见").
msg(err_absent_voter, en, "~w is listed as absent and cannot give an opinion at the meeting").
msg(err_self_authorisation, zh, "~w不能授权自己").
msg(err_self_authorisation, en, "~w cannot authorise himself").
msg(err_not_ladder_post, zh, "~w不是非领导岗位，不能列入岗位序列").
msg(err_not_ladder_post, en, "~w is not a non-leadership post and cannot be on the ladder").
msg(err_duplicate_ladder_post, zh, "~w在岗位序列中出现两次").
msg(err_duplicate_ladder_post, en, "~w appears twice on the ladder").
msg(err_same_party, zh, "~w只有一人，不能与自己发生分歧").
msg(err_same_party, en, "there is only one ~w, who cannot disagree with himself").
msg(err_scope_not_allowed, zh, "分歧的范围只能是 team 或 bureau，不能是 ~w").
msg(err_scope_not_allowed, en, "a disagreement's scope is team or bureau, not ~w").

%   ---- findings of this KB's own checks (checks.pl) ------------------------

msg(check_reporting_cycle, zh, "负责关系成环：~w").
msg(check_reporting_cycle, en, "reporting lines form a cycle: ~w").
msg(check_meetings, zh, "会议~w没有规定~w").
msg(check_meetings, en, "the meeting ~w has no ~w").
msg(check_matters, zh, "事项“~w”应当恰有一条规则规定由谁决定，现有~w个决定者：~w").
msg(check_matters, en, "exactly one rule should say who decides the matter ~w; the rules name ~w deciders: ~w").
msg(check_vocabulary, zh, "名称~w未在词汇表中声明").
msg(check_vocabulary, en, "the name ~w is not declared in the vocabulary").
msg(check_reverse_substitution, zh, "~w可以替补~w（~w），但前者不是下级岗位：逆向替补").
msg(check_reverse_substitution, en, "~w may cover ~w (~w) though it is not the lower post: reverse substitution").

%   ---- why-not steps -----------------------------------------------------

%!  why_not(?Key) is nondet.
%
%   Steps that say why a rule did not apply or a condition failed (the
%   director is present, so the authorisation has no effect; the post is a
%   leadership post, so Art. 12 does not allow cover), as opposed to steps
%   that say which rule applied.
why_not(authorisation_dormant).
why_not(absent_unauthorised).
why_not(authorised_agent_absent).
why_not(absent_no_rule).
why_not(authorisation_no_agent).
why_not(authorisation_not_grantor).
why_not(not_major).
why_not(art11_2_not_applied).
why_not(no_process_approval).
why_not(no_superior).
why_not(superior_absent).
why_not(acting_for_own_superior).
why_not(unranked).
why_not(reverse_substitution).
why_not(leadership_excluded).
why_not(leadership_unclear).
why_not(acting_instead).
why_not(no_command_authority).
why_not(vp_party).
why_not(no_chair).
why_not(no_duties).
why_not(no_majority_no_vp).
why_not(advisory_divided).
why_not(escalation_not_major).

%   ---- words inside messages -----------------------------------------------

word('批准', en, "approval").
word('审查批准', en, "review and approval").
word('决定', en, "decision").
word('研究制定', en, "formulation").
word('负责', en, "responsibility").
word('审批', en, "approval").
word('管理', en, "management").
word('负责解释', en, "interpretation").
word('最高决策机构', en, "highest decision-making body").
word('咨询研讨机构', en, "advisory body").
word(excluded, zh, "不计入受邀人员意见").
word(excluded, en, "not counting invitees").
word(included, zh, "计入受邀人员意见").
word(included, en, "counting invitees").
word(binding, zh, "的决议对执行局全体工作人员有约束力").
word(binding, en, "binding on all the bureau's staff").
word(advisory, zh, "的意见仅供各执行团队参考").
word(advisory, en, "for the teams' reference only, not binding").
word('独立行使', en, "exercises it alone").
word('协助行使', en, "assists in exercising it").
word('行使', en, "exercises it").
word(none, zh, "无决议").
word(none, en, "no resolution").
word(check_chair, zh, "主持人").
word(check_chair, en, "chair").
word(check_members, zh, "参加人员").
word(check_members, en, "members").

%!  arg_text(+Arg, +Lang, -Text:string) is semidet.
%
%   How this KB's own argument terms read in a message (the engine renders
%   the rest: names, strings, lists).
%   A meeting's outcome (outcome_/4 in questions.pl).
arg_text(resolved(Op, majority, _), zh, T) :- format(string(T), "多数意见“~w”", [Op]).
arg_text(resolved(Op, majority, _), en, T) :- format(string(T), "majority opinion \"~w\"", [Op]).
arg_text(resolved(Op, tie_break(_), _), zh, T) :- format(string(T), "分管副院长的意见“~w”", [Op]).
arg_text(resolved(Op, tie_break(_), _), en, T) :- format(string(T), "the vice-president's opinion \"~w\"", [Op]).
arg_text(resolved(Op, unanimous, _), zh, T) :- format(string(T), "一致意见“~w”", [Op]).
arg_text(resolved(Op, unanimous, _), en, T) :- format(string(T), "unanimous opinion \"~w\"", [Op]).
arg_text(unresolved(_), Lang, T) :- word(none, Lang, T).
%   A matter: its name in quotation marks where the name is the text's own
%   words, in the provision that names it; else its name as a name.
arg_text(matter_name(M), Lang, T) :-
    matter(M, Name, C),
    atom_string(Name, S),
    (   cited_text_(C, Text), sub_string(Text, _, _, _, S)
    ->  quote_(Lang, S, T)
    ;   T = S
    ).
%   What a meeting's resolution or opinion is (5(1), 5(2)): its force in
%   words, and the text that says so, quoted.
arg_text(binding_word(B), Lang, T) :-
    (   B == true -> word(binding, Lang, T) ; word(advisory, Lang, T) ).
arg_text(nature_text(Meeting), Lang, T) :-
    meeting_nature_text(Meeting, S),
    quote_(Lang, S, T).
arg_text(acting(Agent, Principal), zh, T) :-
    role_name_(Agent, A), role_name_(Principal, P),
    format(string(T), "代为履行~w职责的~w", [P, A]).
arg_text(acting(Agent, Principal), en, T) :-
    role_label_(Agent, A), role_label_(Principal, P),
    format(string(T), "~w, acting for the ~w", [A, P]).
arg_text(Scope, zh, T) :- atom(Scope), scope(Scope, T0, _), !, atom_string(T0, T).
arg_text(Scope, en, T) :- atom(Scope), scope(Scope, _, T).
arg_text(Meeting, en, T) :- atom(Meeting), meeting_label(Meeting, _, L), format(string(T), "~w (~w)", [L, Meeting]).

quote_(zh, S, T) :- format(string(T), "“~w”", [S]).
quote_(en, S, T) :- format(string(T), "\"~w\"", [S]).

cited_text_(c(A, P, null), Text) :- !, paragraph(A, P, Text).
cited_text_(c(A, P, I), Text) :- item(A, P, I, Text).

role_name_(R, N) :- atom_string(R, N).
role_label_(R, L) :- role(R, _, _, L0), !, format(string(L), "~w (~w)", [R, L0]).
role_label_(R, L) :- atom_string(R, L).
