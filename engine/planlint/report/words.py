"""Every word the reports and the command line print around the findings, in Chinese and English.

One table for all reporters (a finding's own message comes from its rule pack). `word(key, lang, **values)`
picks one and fills its placeholders.
"""

from __future__ import annotations

from planlint.i18n import Lang

WORDS: dict[str, dict[str, str]] = {
    # the command line
    "valid": {"zh": "{n} 个规划文件均有效。", "en": "{n} plan file(s) valid."},
    # plans
    "tree_title": {"zh": "规划层级", "en": "Plan hierarchy"},
    "indicators": {"zh": "指标", "en": "indicators"},
    "partial": {"zh": "部分已知", "en": "partially known"},
    "level.national": {"zh": "国家级", "en": "national"},
    "level.province": {"zh": "省级", "en": "province"},
    "level.city": {"zh": "市级", "en": "city"},
    "level.county": {"zh": "县级", "en": "county"},
    "stage.draft": {"zh": "报批稿", "en": "draft"},
    "stage.issued": {"zh": "已印发", "en": "issued"},
    # findings
    "severity.error": {"zh": "错误", "en": "error"},
    "severity.warning": {"zh": "警告", "en": "warning"},
    "severity.info": {"zh": "提示", "en": "info"},
    "summary": {
        "zh": "共检查 {plans} 个规划：{error}，{warning}，{info}。",
        "en": "{plans} plan(s) checked: {error}, {warning}, {info}.",
    },
    "rights_summary": {
        "zh": "共检查 {rights} 个采矿权：{error}，{warning}，{info}。",
        "en": "{rights} right(s) checked: {error}, {warning}, {info}.",
    },
    "count.error": {"zh": "{n} 个错误", "en": "{n} error(s)"},
    "count.warning": {"zh": "{n} 个警告", "en": "{n} warning(s)"},
    "count.info": {"zh": "{n} 个提示", "en": "{n} info"},
    "count.waived": {"zh": "（另有 {n} 个已豁免）", "en": " (+{n} waived)"},
    "no_findings": {"zh": "未发现问题。", "en": "No findings."},
    "against": {"zh": "对照", "en": "against"},
    "itself": {"zh": "自身", "en": "itself"},
    # --show-passes: the comparisons that held
    "pass.compared": {
        "zh": "{plan} 符合 {rule}：本规划 {actual}，对照 {against} {expected}{scope}",
        "en": "{plan} holds for {rule}: the plan's {actual} against {against}'s {expected}{scope}",
    },
    "pass.checked": {
        "zh": "{plan} 符合 {rule}（已对照 {against} 核查）",
        "en": "{plan} holds for {rule} (checked against {against})",
    },
    "pass.right_compared": {
        "zh": "采矿权 {right} 符合 {rule}：{actual}，对照 {plan} {expected}{scope}",
        "en": "right {right} holds for {rule}: {actual} against {plan}'s {expected}{scope}",
    },
    "pass.right_checked": {
        "zh": "采矿权 {right} 符合 {rule}（已对照 {plan} 核查）",
        "en": "right {right} holds for {rule} (checked against {plan})",
    },
    # what a pass held, by kind (and for a bound, floor or cap): `explain PASS_ID`'s header, where a
    # finding shows its rule's title (which names the problem, not what held)
    "held.ancestor_bound.floor": {"zh": "不低于上级规划", "en": "not below the ancestor's"},
    "held.ancestor_bound.cap": {"zh": "不超过上级规划", "en": "within the ancestor's cap"},
    "held.aggregate_children": {
        "zh": "下级规划合计未超过上级规划",
        "en": "children's total within the parent's cap",
    },
    "held.mineral_policy": {"zh": "未违反上级规划的矿种政策", "en": "keeps to the ancestor's mineral list"},
    "held.zones_carried": {"zh": "已落实上级规划分区", "en": "ancestor's zone carried"},
    "held.binding_carried": {
        "zh": "上级约束性指标已作为约束性指标落实",
        "en": "ancestor's binding indicator kept binding",
    },
    "held.period_alignment": {"zh": "规划期与上级规划一致", "en": "plan period matches the ancestor's"},
    "held.count_parts": {"zh": "分项与合计相符", "en": "parts agree with the total"},
    "held.baseline_ratio": {
        "zh": "百分比或比例与所列数量相符",
        "en": "percentage or ratio agrees with the counts",
    },
    "held.duplicate_indicator": {"zh": "同一指标前后表述一致", "en": "the same indicator stated alike"},
    "held.zone_vs_plan.floor": {
        "zh": "分区要求不低于本规划全域要求",
        "en": "zone's floor not below the plan's own",
    },
    "held.zone_vs_plan.cap": {"zh": "分区上限不超过本规划全域上限", "en": "zone's cap within the plan's own"},
    "held.required_content": {"zh": "已规定该项内容", "en": "the plan states it"},
    "held.right_mineral_policy": {
        "zh": "采矿权矿种不在规划禁止或限制之列",
        "en": "right's mineral not prohibited or restricted",
    },
    "held.right_scale.floor": {"zh": "采矿权不低于规划要求", "en": "right not below the plan's floor"},
    "held.right_scale.cap": {"zh": "采矿权不超过规划上限", "en": "right within the plan's cap"},
    "held.right_term": {"zh": "出让年限不超过最长有效期", "en": "term within the longest licence term"},
    "held.right_reserves": {
        "zh": "未超过资源储量或允许开采量",
        "en": "within the reserves and the allowed yield",
    },
    "held.right_zone": {"zh": "采矿权与规划分区或区块相符", "en": "right agrees with its zone or block"},
    "held.rights_total": {"zh": "采矿权合计未超过规划", "en": "rights together within the plan's"},
    "held.other": {"zh": "已比对且符合", "en": "compared and held"},
    "passes_count": {"zh": "已核查并符合：{n} 项比对", "en": "{n} comparison(s) checked and held"},
    "passes": {"zh": "符合", "en": "Held"},
    # citations: the roles, and where in a document
    "norm": {"zh": "依据", "en": "norm"},
    "ancestor": {"zh": "上级规划", "en": "ancestor"},
    "plan": {"zh": "本规划", "en": "plan"},
    "child_plan": {"zh": "下级规划", "en": "child plan"},
    "right": {"zh": "采矿权", "en": "right"},
    "plan_silent": {"zh": "本规划未作规定", "en": "the plan is silent"},
    "unsourced": {"zh": "未记录原文或公开来源", "en": "no document or public source recorded"},
    "line": {"zh": "第 {n} 行", "en": "line {n}"},
    # report documents (Markdown and HTML)
    "title": {"zh": "矿产资源总体规划符合性检查报告", "en": "Mineral resource plan conformance report"},
    "generated": {"zh": "由 planlint {version} 生成", "en": "Generated by planlint {version}"},
    "summary_heading": {"zh": "汇总", "en": "Summary"},
    "findings": {"zh": "问题清单", "en": "Findings"},
    "plan_col": {"zh": "规划", "en": "Plan"},
    "name_col": {"zh": "名称", "en": "Name"},
    "level_col": {"zh": "级别", "en": "Level"},
    "total": {"zh": "合计", "en": "Total"},
    "rules": {"zh": "所引规则", "en": "Rules cited"},
    "rule_col": {"zh": "规则", "en": "Rule"},
    "title_col": {"zh": "内容", "en": "Title"},
    "norm_col": {"zh": "依据", "en": "Norm"},
    "context_plans": {
        "zh": "仅作对照的规划（未被检查）：{plans}",
        "en": "Plans used for reference only (not judged): {plans}",
    },
    "no_docs": {
        "zh": "未附引文原文；用 `--docs 目录` 指定原文所在目录即可引出原文。",
        "en": "Cited lines are not quoted; give `--docs DIR` with the source documents to quote them.",
    },
    # the HTML page
    "plans_judged": {"zh": "个规划已检查", "en": "plans judged"},
    "rights_reviewed": {"zh": "个采矿权已审查", "en": "rights reviewed"},
    "filter": {"zh": "筛选", "en": "Filter"},
    "filter_plan": {"zh": "规划", "en": "Plan"},
    "all_plans": {"zh": "全部规划", "en": "All plans"},
    "note_from": {
        "zh": "此提示只在 {plan} 之下列出一次，也涉及本规划：",
        "en": "This note is listed once, under {plan}; it concerns this plan too:",
    },
    "plan_search": {"zh": "按名称或编号查找规划", "en": "Find a plan by name or id"},
    "plan_matches": {"zh": "{n} 个匹配", "en": "{n} match(es)"},
    "shown": {"zh": "显示 {shown} / {total} 条问题", "en": "Showing {shown} of {total} findings"},
    "none_shown": {"zh": "没有符合筛选条件的问题。", "en": "No findings match the filter."},
    "clean": {"zh": "无问题", "en": "no findings"},
    "context": {"zh": "仅作对照", "en": "reference only"},
    "legend_partial": {"zh": "虚线框：部分已知的规划", "en": "dashed: partially known plan"},
    "legend_below": {
        "zh": "方框颜色：该规划及其下辖规划中最重的审查结论",
        "en": "a box's colour: the worst verdict of its plan and the plans below it",
    },
    "box.own": {"zh": "本级：{said}", "en": "own: {said}"},
    "box.undecided": {"zh": "需人工审查", "en": "needs a reviewer"},
    "box.below": {"zh": "下辖 {n} 个{verdict}", "en": "below: {n} {verdict}"},
    "box.verdict.revise": {"zh": "需修改", "en": "to revise"},
    "box.verdict.review": {"zh": "需人工审查", "en": "to review"},
    "box.below_all_pass": {"zh": "下辖 {n} 个均通过", "en": "below: all {n} pass"},
    "box.below_count": {"zh": "{n} 个{verdict}", "en": "{n} {verdict}"},
    "box.below_all": {"zh": "下辖规划共 {n} 个：{verdicts}", "en": "{n} plan(s) below: {verdicts}"},
    "parents": {"zh": "上级规划", "en": "Parents"},
    "none": {"zh": "无", "en": "none"},
    "all_clean": {"zh": "所有被检查的规划均未发现问题。", "en": "No findings in any plan judged."},
    "verdict": {"zh": "审查结论", "en": "Verdict"},
    "overview": {"zh": "审查结论与问题分布", "en": "Verdicts and findings by plan and rule"},
    "sort_hint": {
        "zh": "点击列标题排序；点击规划名称查看其问题。",
        "en": "Click a column heading to sort; click a plan to see its findings.",
    },
    "waived": {"zh": "已豁免", "en": "waived"},
    "waiver_expired": {"zh": "豁免已过期", "en": "waiver expired"},
    "waiver_changed": {"zh": "已豁免，但数值已变", "en": "waived, but the value changed"},
    "waiver_limit_changed": {
        "zh": "已豁免，但所违反的限值已变",
        "en": "waived, but the bound it breaks changed",
    },
    "value_change": {"zh": "{mark}：{change}", "en": "{mark}: {change}"},
    "finding_id": {"zh": "编号", "en": "id"},
    "waiver_by": {
        "zh": "{reason}（{approver}{document}{expires}）",
        "en": "{reason} ({approver}{document}{expires})",
    },
    "waiver_until": {"zh": "，有效期至 {date}", "en": ", until {date}"},
    "stale_waivers": {
        "zh": "未对应任何问题的豁免（已解决，或编号有误）：{ids}",
        "en": "Waivers that match no finding (resolved, or a wrong id): {ids}",
    },
    "unmatched_baseline": {
        "zh": "基线报告未检查本次检查的规划（{plans}）：其问题标为上轮未检查，无法与上一轮比对",
        "en": "The baseline judged none of the plans judged now ({plans}): their findings are marked not checked last round, none compared with it",
    },
    "incomplete_waivers": {
        "zh": "不完整的豁免（仍然有效）：{waivers}",
        "en": "Incomplete waivers (still in force): {waivers}",
    },
    "incomplete_waiver": {"zh": "{id}（{missing}）", "en": "{id} ({missing})"},
    # what a --plan run (or a draft's) could not judge: said from what was given (a baseline, waivers)
    "not_judged": {
        "zh": "{what}所属的规划本次未检查{judged}，不计为{outcome}",
        "en": "{what} concern plans not judged in this run{judged}: {outcome}",
    },
    "not_judged.ids": {"zh": "基线中 {n} 个问题", "en": "{n} baseline finding(s)"},
    "not_judged.waivers": {"zh": "{n} 条豁免", "en": "{n} waiver(s)"},
    "not_judged.and": {"zh": "、", "en": " and "},
    "not_judged.only": {"zh": "（本次只检查了 {plans}）", "en": " (it judged only {plans})"},
    "not_judged.both": {"zh": "已解决或失效", "en": "neither resolved nor stale"},
    "not_judged.resolved": {"zh": "已解决", "en": "not resolved"},
    "not_judged.stale": {"zh": "失效", "en": "not stale"},
    # a plan's verdict and why
    "verdict.because": {"zh": "{verdict}（{reasons}）", "en": "{verdict} ({reasons})"},
    "reason.errors": {"zh": "{n} 个错误：{rules}", "en": "{n} error(s): {rules}"},
    "reason.warnings": {"zh": "{n} 个警告：{rules}", "en": "{n} warning(s): {rules}"},
    "reason.partial": {
        "zh": "上级规划 {ancestor} 仅部分已知，见 {id}",
        "en": "ancestor {ancestor} is only partly known, see {id}",
    },
    "reason.incomparable": {
        "zh": "{n} 项指标与上级规划的计量单位不可比，需人工核对：{ids}",
        "en": "{n} indicator(s) not comparable with an ancestor's units, to check by hand: {ids}",
    },
    "reason.clean": {"zh": "未发现问题", "en": "no findings"},
    "reason.infos": {"zh": "仅有 {n} 个提示", "en": "only {n} info"},
    "reason.waived": {"zh": "{n} 个问题已豁免", "en": "{n} finding(s) waived"},
    "baseline.new": {"zh": "本轮新增", "en": "new"},
    "baseline.unchanged": {"zh": "上轮已提出", "en": "unchanged"},
    "baseline.changed": {"zh": "上轮已提出，数值已变", "en": "changed since last round"},
    "baseline.not_judged": {"zh": "上轮未检查", "en": "not checked last round"},
    "round_counts": {
        "zh": "与上轮相比：本轮新增 {new} 个，上轮已提出 {raised} 个，已解决 {resolved} 个。",
        "en": "Against the last round: {new} new, {raised} raised before, {resolved} resolved.",
    },
    "round_filter.new": {"zh": "本轮新增", "en": "new this round"},
    "round_filter.unchanged": {"zh": "上轮已提出", "en": "raised before"},
    "round_filter.changed": {"zh": "数值已变", "en": "value changed"},
    "round_filter.not_judged": {"zh": "上轮未检查", "en": "not checked last round"},
    "round.new": {"zh": "本轮新增", "en": "new this round"},
    "round.raised": {"zh": "上轮已提出", "en": "raised before"},
    "round.resolved": {"zh": "已解决", "en": "resolved"},
    "resolved_heading": {"zh": "上轮提出、本轮已解决的问题", "en": "Raised last round and now resolved"},
    "resolved_item": {"zh": "{rule}：{message}（问题编号：{id}）", "en": "{rule}: {message} (id {id})"},
    "resolved_elsewhere": {"zh": "不在本报告所列规划中", "en": "Of plans not listed in this report"},
    "hierarchy_hint": {
        "zh": "显示所选规划的上级与下级；未选规划时显示最上两级。",
        "en": "Shows the selected plan's ancestors and children; with no plan selected, the top two levels.",
    },
    # check-rights: a review of mining rights against the plans
    "rights_title": {
        "zh": "采矿权与矿产资源规划符合性审查报告",
        "en": "Mining rights: conformance with the mineral resource plans",
    },
    "rights_heading": {"zh": "采矿权审查结论", "en": "Verdict per right"},
    "rights_verdicts": {
        "zh": "审查结论：{counts}",
        "en": "Verdicts: {counts}",
    },
    "right_col": {"zh": "采矿权", "en": "Right"},
    "jurisdiction_col": {"zh": "行政区", "en": "Place"},
    "against_col": {"zh": "对照规划", "en": "Judged against"},
    "right_record": {"zh": "采矿权记录", "en": "The right's record"},
    "record.location": {"zh": "地理位置", "en": "location"},
    "record.mineral": {"zh": "矿种", "en": "mineral"},
    "record.kind": {"zh": "出让类型", "en": "kind"},
    "record.capacity": {"zh": "生产规模", "en": "capacity"},
    "record.reserves": {"zh": "资源储量", "en": "reserves"},
    "record.term_years": {"zh": "出让年限", "en": "term"},
    "record.deposit": {"zh": "矿床规模", "en": "deposit scale"},
    "record.zone": {"zh": "规划区块", "en": "zone or block"},
    "record.region": {"zh": "区域", "en": "region"},
    "record.method": {"zh": "开采方式", "en": "mining method"},
    "record.years": {"zh": "{n} 年", "en": "{n} years"},
    "kind.new": {"zh": "新设", "en": "new"},
    "kind.expansion": {"zh": "整合扩能", "en": "expansion"},
    "kind.addition": {"zh": "增划资源", "en": "addition of resources"},
    "kind.renewal": {"zh": "延续", "en": "renewal"},
    "kind.change": {"zh": "变更", "en": "change"},
    "kind.unknown": {"zh": "未注明", "en": "not stated"},
    "deposit.large": {"zh": "大型", "en": "large"},
    "deposit.medium": {"zh": "中型", "en": "medium"},
    "deposit.small": {"zh": "小型", "en": "small"},
    "method.open_pit": {"zh": "露天开采", "en": "open pit"},
    "method.underground": {"zh": "地下开采", "en": "underground"},
    # the Word review memo (审查意见)
    "memo.rights_title": {
        "zh": "采矿权与矿产资源规划符合性审查意见",
        "en": "Review memo: mining rights against the mineral resource plans",
    },
    "memo.rights_intro": {
        "zh": "共审查 {rights} 个采矿权：{counts}。对不符合规划的，不得审批颁发采矿许可证（修改要求见各采矿权）。",
        "en": "{rights} right(s) reviewed: {counts}. A right that does not conform to the plans is not to be "
        "granted as recorded (the changes required are given for each right).",
    },
    "memo.right_about": {"zh": "关于采矿权 {id}（{name}）的审查意见", "en": "Review of right {id} ({name})"},
    "memo.right_against": {"zh": "对照规划：{plans}", "en": "Judged against: {plans}"},
    "memo.right_text": {"zh": "采矿权记录：", "en": "The right's record: "},
    "memo.plan_row": {"zh": "规划《{name}》（{plan}）原文：", "en": "The plan {name} ({plan}) says: "},
    "memo.other_right": {"zh": "同批采矿权：", "en": "Another right of the batch: "},
    "memo.other_record": {"zh": "{id} {name}：{record}", "en": "{id} {name}: {record}"},
    "memo.rights_passing": {
        "zh": "符合规划的其他采矿权（{n} 个，未发现问题）",
        "en": "The other rights, which conform to the plans ({n}, no findings)",
    },
    "memo.right_listed": {
        "zh": "{id} {name}：{verdict}；采矿权记录：{record}",
        "en": "{id} {name}: {verdict}; the right's record: {record}",
    },
    "memo.title": {"zh": "矿产资源总体规划审查意见", "en": "Review memo: mineral resource master plans"},
    "memo.about": {"zh": "关于《{name}》的审查意见", "en": "Review of {name}"},
    "memo.verdict": {"zh": "审查结论：", "en": "Verdict: "},
    "memo.reason": {"zh": "理由：", "en": "Why: "},
    "memo.passes": {"zh": "；已核查并符合：{n} 项比对", "en": "; {n} comparison(s) checked and held"},
    "memo.counts": {
        "zh": "（错误 {error} 个{error_waived}，警告 {warning} 个{warning_waived}，提示 {info} 个{info_waived}）",
        "en": " ({error} error(s){error_waived}, {warning} warning(s){warning_waived}, {info} info{info_waived})",
    },
    "memo.problem": {"zh": "问题：", "en": "Problem: "},
    "memo.plan_text": {"zh": "本规划原文：", "en": "The plan says: "},
    "memo.ancestor_text": {"zh": "上级规划（{plan}）原文：", "en": "The ancestor ({plan}) says: "},
    "memo.norm": {"zh": "依据：", "en": "Norm: "},
    "memo.remedy": {"zh": "修改要求：", "en": "Change required: "},
    "memo.waived": {"zh": "已豁免：", "en": "Waived: "},
    "memo.expired": {"zh": "豁免已过期：", "en": "Waiver expired: "},
    "memo.id": {"zh": "问题编号：", "en": "Finding id: "},
    "memo.partial_restated": {
        "zh": "上级规划 {ancestor} 仅部分已知：只按已记录的内容核对，未记录的内容未知（{id}）；须取得其全文人工核对",
        "en": "The ancestor {ancestor} is only partly known: checked only against what is recorded, the rest is "
        "unknown ({id}); obtain its full text and check by hand",
    },
    "memo.baseline.new": {"zh": "（本轮新增）", "en": " (new this round)"},
    "memo.baseline.unchanged": {"zh": "（上轮已提出）", "en": " (raised last round)"},
    "memo.baseline.changed": {"zh": "（{mark}）", "en": " ({mark})"},
    "memo.baseline.not_judged": {"zh": "（上轮未检查）", "en": " (not checked last round)"},
    "memo.waiver_changed": {
        "zh": "不再豁免：",
        "en": "No longer waived: ",
    },
    "memo.resolved": {"zh": "上轮提出、本轮已解决的问题", "en": "Raised last round and now resolved"},
    "memo.resolved_elsewhere": {"zh": "规划《{name}》（{plan}）· {item}", "en": "{name} ({plan}) · {item}"},
    "memo.no_docs": {
        "zh": "（未附原文：用 --docs 指定原文目录即可引出原文）",
        "en": "(not quoted: give --docs DIR with the source documents)",
    },
    # why a finding was raised (planlint explain FINDING_ID)
    "explain.finding": {"zh": "问题", "en": "Finding"},
    "explain.rows": {"zh": "比较的行", "en": "Rows compared"},
    "explain.no_rows": {
        "zh": "（本问题不是两行数值的比较；所引位置如下）",
        "en": "(this finding does not compare two rows of numbers; the places cited are)",
    },
    "explain.own_record": {
        "zh": "（本问题比较的是采矿权记录自身的数值，见上方的记录与下方的依据）",
        "en": "(this finding compares values of the right's own record: see the record above and the norm below)",
    },
    "explain.mineral": {"zh": "矿种匹配", "en": "Mineral match"},
    "explain.zones": {"zh": "比较的分区", "en": "Zones compared"},
    "explain.zone_side": {
        "zh": "{kind}「{name}」，矿种：{minerals}",
        "en": "{kind} {name}, minerals: {minerals}",
    },
    "explain.zone_closest": {"zh": "最接近的分区（{line}）：", "en": "closest zone ({line}): "},
    "explain.zone_no_minerals": {"zh": "未列", "en": "none listed"},
    "explain.zone_names": {"zh": "名称比较", "en": "Names compared"},
    "explain.zone_normalised": {
        "zh": "比较时忽略标点、地名前缀和分区类别后缀：「{ancestor}」→“{a}”，「{plan}」→“{b}”，二者不同（相似度 {ratio}）",
        "en": "compared without punctuation, leading place names and the kind word: {ancestor} → “{a}”, "
        "{plan} → “{b}”: different (similarity {ratio})",
    },
    "explain.zone_renamed": {
        "zh": "本规划没有同名的同类分区；与之矿种相同（或未列矿种）的同类分区：{names}；"
        "取同类在先、名称最相似者「{closest}」为最接近",
        "en": "the plan has no zone of that name and a compatible kind; those of a compatible kind sharing a "
        "mineral (or listing none): {names}; the closest (same kind first, then the most alike name) is {closest}",
    },
    "explain.zone_missing": {
        "zh": "本规划的同类分区（{names}）均与之无共同矿种，故视为未落实；最接近的是「{closest}」",
        "en": "the plan's zones of a compatible kind ({names}) share no mineral with it, so it is not carried; "
        "the closest is {closest}",
    },
    "explain.zone_none": {
        "zh": "本规划未设与{kind}同类的分区，故视为未落实",
        "en": "the plan sets no zone of a kind compatible with {kind}, so it is not carried",
    },
    "explain.same_mineral": {
        "zh": "{a} 与 {b} 为同一矿种（词表：{entry}）",
        "en": "{a} and {b} are the same mineral (vocabulary: {entry})",
    },
    "explain.broader": {
        "zh": "{narrow} 属于 {broad}（词表路径：{path}），上级对 {broad} 的规定适用于本规划的 {narrow}",
        "en": "{narrow} is a kind of {broad} (vocabulary path: {path}), so the ancestor's row on {broad} applies "
        "to the plan's {narrow}",
    },
    "explain.plan_wide": {
        "zh": "上级规定未限定矿种，适用于全部矿种",
        "en": "the ancestor's row names no mineral: it applies to all",
    },
    "explain.unrelated": {
        "zh": "{a} 与 {b} 在词表中无上下位关系",
        "en": "{a} and {b} are not related in the vocabulary",
    },
    "explain.listed_covers": {
        "zh": "本规划的 {plan} 属于上级所列的 {listed}（词表路径：{path}），上级对 {listed} 的规定适用于它",
        "en": "the plan's {plan} is a kind of the listed {listed} (vocabulary path: {path}), so the "
        "ancestor's entry applies to it",
    },
    "explain.plan_wider": {
        "zh": "上级所列的 {listed} 属于本规划的 {plan}（词表路径：{path}）：{plan} 比 {listed} 宽，"
        "包含 {listed}，本规划应写明是否排除 {listed}",
        "en": "the listed {listed} is a kind of the plan's {plan} (vocabulary path: {path}): {plan} is "
        "wider and includes {listed}, so the plan should say whether {listed} is excluded",
    },
    "explain.right_broader": {
        "zh": "采矿权的 {narrow} 属于 {broad}（词表路径：{path}），规划对 {broad} 的规定适用于它",
        "en": "the right's {narrow} is a kind of {broad} (vocabulary path: {path}), so the plan's row on "
        "{broad} applies to it",
    },
    "explain.pass": {"zh": "符合（已比对且满足，不是问题）", "en": "pass (compared and held, not a finding)"},
    "explain.right": {"zh": "采矿权", "en": "right"},
    "explain.right_record": {"zh": "采矿权记录", "en": "The right's record"},
    "explain.placed": {
        "zh": "落位：{place}，对照的规划（由近及远）：{plans}",
        "en": "Placed in {place}; judged against (nearest first): {plans}",
    },
    "explain.missing": {
        "zh": "缺少（无法确定是否适用）：{fields}",
        "en": "missing (so unsure whether it applies): {fields}",
    },
    "explain.not_stated": {"zh": "（未填）", "en": "(not stated)"},
    "explain.right.id": {"zh": "项目编号", "en": "id"},
    "explain.right.name": {"zh": "采矿权名称", "en": "name"},
    "explain.right.jurisdiction": {"zh": "所在行政区", "en": "jurisdiction"},
    "explain.right.location": {"zh": "地理位置", "en": "location"},
    "explain.right.mineral": {"zh": "矿种", "en": "mineral"},
    "explain.right.kind": {
        "zh": "出让类型（新设/整合扩能/增划资源）",
        "en": "kind (new, expansion, added resources)",
    },
    "explain.right.capacity": {"zh": "生产规模", "en": "production capacity"},
    "explain.right.reserves": {"zh": "资源储量", "en": "reserves"},
    "explain.right.term_years": {"zh": "出让年限", "en": "term"},
    "explain.right.deposit": {"zh": "矿床规模", "en": "deposit scale"},
    "explain.right.method": {"zh": "开采方式", "en": "mining method"},
    "explain.right.region": {"zh": "所在区域", "en": "region"},
    "explain.right.zone": {"zh": "所在集中开采区或规划区块", "en": "zone or planned block"},
    "explain.right.note": {"zh": "备注", "en": "note"},
    # a right's enumerated fields, as a 出让公告 words them
    "explain.units": {"zh": "单位换算", "en": "Unit conversion"},
    "explain.annual": {
        "zh": "（年度指标，单位未写“/年”，按每年计）",
        "en": " (an annual metric: read per year)",
    },
    "explain.incomparable": {
        "zh": "量纲或计量基准不同，不能换算比较",
        "en": "different dimension or basis: these cannot be converted and compared",
    },
    "explain.scope": {"zh": "适用范围", "en": "Scope"},
    "explain.scope_line": {
        "zh": "{field}：本规划 {plan}；{who} {ancestor} → {verdict}",
        "en": "{field}: plan {plan}; {who} {ancestor} → {verdict}",
    },
    "explain.all": {"zh": "未限定（全部）", "en": "not stated (all)"},
    "explain.overlap": {"zh": "范围重叠，上级规定适用", "en": "overlap: the ancestor's row applies"},
    "explain.disjoint": {"zh": "范围不同", "en": "different"},
    "explain.region_in": {"zh": "本规划位于 {region}", "en": "the plan lies in {region}"},
    "explain.region_out": {"zh": "本规划不在 {region}", "en": "the plan does not lie in {region}"},
    "explain.norm": {"zh": "依据", "en": "Norm"},
    "explain.remedy": {"zh": "修改要求", "en": "Change required"},
    "explain.verdict": {"zh": "该规划的审查结论", "en": "The plan's verdict"},
    "explain.attribute.binding": {"zh": "约束性", "en": "binding"},
    "explain.attribute.expected": {"zh": "预期性", "en": "expected"},
    "explain.attribute.unspecified": {"zh": "未注明属性", "en": "no attribute"},
    "explain.zone": {"zh": "分区 {zone}", "en": "zone {zone}"},
    "explain.field.mine": {"zh": "矿山类别", "en": "mine kind"},
    "explain.field.deposit": {"zh": "矿床规模", "en": "deposit scale"},
    "explain.field.subset": {"zh": "子类", "en": "subset"},
    "explain.field.region": {"zh": "区域", "en": "region"},
    # short severity names, for the HTML hierarchy's boxes
    "short.error": {"zh": "错误", "en": "err"},
    "short.warning": {"zh": "警告", "en": "warn"},
    "short.info": {"zh": "提示", "en": "info"},
}


def word(key: str, lang: Lang, **values: object) -> str:
    """The words for `key` in `lang`, with `values` filled in."""
    entry = WORDS[key]
    return entry.get(lang, entry["en"]).format(**values)
