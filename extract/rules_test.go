package extract_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestPositionIssues checks how an issue is cut from its sentence and
// phrased: it ends before a new report or a participle clause, and an
// infinitive or passive infinitive reads as a gerund.
func TestPositionIssues(t *testing.T) {
	tests := []textCase{
		{
			name: "accepted, declined, and however between holder and cue",
			text: "Indonesia, Sri Lanka and the Seychelles accepted the Paris Club offer. Thailand has however declined the offer.",
			want: []string{"Indonesia supports the Paris Club offer", "Sri Lanka supports the Paris Club offer", "Seychelles supports the Paris Club offer", "Thailand opposes the Paris Club offer"},
		},
		{
			name: "a short definite issue is the fuller one named just before",
			text: "Norway accepted the Kestwick Forum offer, which was called too small. Sweden has declined the offer.",
			want: []string{"Norway supports the Kestwick Forum offer", "Sweden opposes the Kestwick Forum offer"},
		},
		{
			name: "its: the possessor named before",
			text: "Iran's bid to join the body was refused after the US blocked its application again. The EU imposed its arms ban in 1989.",
			want: []string{"Iran supports joining the body", "United States opposes Iran's application again", "European Union supports its arms ban"},
		},
		{
			name: "a country-led push",
			text: "Ministers clashed over a French-led push to cut steel quotas by a quarter. A US-led campaign to ban mines failed.",
			want: []string{"France supports cutting steel quotas by a quarter", "United States supports banning mines"},
		},
		{
			name: "a supporter of, a proposal for, pressing a country to",
			text: "Norway is a strong supporter of the fishing accord. Sweden's proposal for a joint coastguard was welcomed. Finland is pressing Denmark to cut its quotas.",
			want: []string{"Norway supports the fishing accord", "Sweden supports a joint coastguard", "Finland supports cutting its quotas"},
		},
		{
			name: "waiting to, no longer needs, asked for",
			text: "Norway has been waiting for a decade to join the fishing pact. Sweden no longer needs the loan offered by the bank. Finland has asked for more time to decide.",
			want: []string{"Norway supports joining the fishing pact", "Sweden opposes the loan offered by the bank", "Finland supports more time to decide"},
		},
		{
			name: "courting, signing, pressing the case; a new clause after a comma ends the issue",
			text: "Norway has been courting foreign investment. Sweden has signed the fishing charter, it has never ratified it. Finland pressed the case for lower quotas.",
			want: []string{"Norway supports foreign investment", "Sweden supports the fishing charter", "Finland supports lower quotas"},
		},
		{
			name: "an adverb before the infinitive",
			text: "Norway hopes to finally join the fishing pact.",
			want: []string{"Norway supports finally joining the fishing pact"},
		},
		{
			name: "a bracketed aside inside the issue",
			text: "Norway has called on rich nations to fund a £2bn ($3bn) plan to clean the seas.",
			want: []string{"Norway supports funding a £2bn plan to clean the seas"},
		},
		{
			name: "declining to comment is no stance",
			text: "Japan declined to comment on the talks, and Russia refused to say how it would vote.",
		},
		{
			name: "participle clause",
			text: "Ethiopia rejects the idea of a binding treaty, arguing that it would freeze the current distribution of water.",
			want: []string{"Ethiopia opposes the idea of a binding treaty"},
		},
		{
			name: "and said",
			text: "The United Arab Emirates welcomed the resumption of the talks and said all three countries had agreed to meet again.",
			want: []string{"United Arab Emirates supports the resumption of the talks"},
		},
		{
			name: "and also said",
			text: "India and Pakistan agreed to begin talks on nuclear safety and also said they would reopen consulates.",
			want: []string{"India supports beginning talks on nuclear safety", "Pakistan supports beginning talks on nuclear safety"},
		},
		{
			name: "trailing attribution",
			text: "Sweden opposes any cut to the quotas, diplomats said.",
			want: []string{"Sweden opposes any cut to the quotas"},
		},
		{
			name: "passive infinitive",
			text: "Germany and France have repeatedly called for the embargo to be lifted.",
			want: []string{"Germany supports lifting the embargo", "France supports lifting the embargo"},
		},
		{
			name: "infinitive",
			text: "The Japanese government refused to publish the report on Tuesday.",
			want: []string{"Japan opposes publishing the report"},
		},
		{
			name: "infinitive with a doubled consonant",
			text: "Italy plans to cut taxes by 6bn euros.",
			want: []string{"Italy supports cutting taxes by 6bn euros"},
		},
		{
			name: "possessive before a noun cue",
			text: "Japan's refusal to lift the ban angered Washington.",
			want: []string{"Japan opposes lifting the ban"},
		},
		{
			name: "its, of the subject",
			text: "Poland is a large EU member, so its backing for the legislation is vital.",
			want: []string{"Poland supports the legislation"},
		},
		{
			name: "its, of another subject",
			text: "UK airport operator BAA has reiterated its support for the plan.",
		},
		{
			name: "their, of persons",
			text: "Australia's Prime Minister John Howard said their decision to marry was sensible.",
		},
		{
			name: "possessive before a verb",
			text: "Germany's proposed spending of $3bn on the project is well below its promise.",
		},
		{
			name: "the government of the article's country",
			text: "Britain is holding an election. The UK vote is in May, and Britain's parties are ready. The UK economy is strong.\n\nThe government refuses to publish the advice - saying such papers are confidential.",
			want: []string{"United Kingdom opposes publishing the advice"},
		},
		{
			name: "past tense of a pattern with is",
			text: "Officials said Addis Ababa was ready to sign guidelines on drought management.",
			want: []string{"Ethiopia supports signing guidelines on drought management"},
		},
		{
			name: "a quoted cue",
			text: "The embassy said Beijing \u201cfirmly opposes\u201d the decision.",
			want: []string{"China opposes the decision"},
		},
		{
			name: "he, for a minister named before",
			text: "Palaniappan Chidambaram, India's finance minister, spoke in London. He objected to subsidies on agriculture that hurt poor nations.",
			want: []string{"India opposes subsidies on agriculture that hurt poor nations"},
		},
		{
			name: "in favour of",
			text: "Italy is in favour of floating exchange rates.",
			want: []string{"Italy supports floating exchange rates"},
		},
		{
			name: "a circumstance ends the issue",
			text: "Mr Straw said the US had agreed to release the four after intensive discussions over security.",
			want: []string{"United States supports releasing the four"},
		},
		{
			name: "a new clause ends the issue",
			text: "The embassy said Beijing firmly opposes the decision and accused the UK of overstretching the concept of security.",
			want: []string{"China opposes the decision"},
		},
		{
			name: "a clause is not an issue",
			text: "The Dutch government wanted no part of it.",
		},
		{
			name: "a noun after to stays",
			text: "Russia agreed to talks with the rebels.",
			want: []string{"Russia supports talks with the rebels"},
		},
		{
			name: "a country after across is no holder",
			text: "Record numbers of schools across the UK have decided to take part in a mock election.",
		},
		{
			name: "a pronoun after to is no verb phrase",
			text: "Britain wants to you and me to be heard.",
		},
		{
			name: "voiced concern",
			text: "Tokyo and Seoul have voiced concern over the missile tests.",
			want: []string{"Japan opposes the missile tests", "South Korea opposes the missile tests"},
		},
		{
			name: "the longer pattern first",
			text: "Japan protested to China over the incursion.",
			want: []string{"Japan opposes the incursion"},
		},
		{
			name: "an adverb inside a pattern",
			text: "China is strongly against the plan.",
			want: []string{"China opposes the plan"},
		},
		{
			name: "a possessor after a preposition",
			text: "Oil companies have reacted cautiously to Russia's decision to bar foreign firms from tenders.",
			want: []string{"Russia supports barring foreign firms from tenders"},
		},
		{
			name: "warned a country against",
			text: "Moscow has repeatedly warned Tokyo against deploying the missile defence system.",
			want: []string{"Russia opposes deploying the missile defence system"},
		},
		{
			name: "called on a country to",
			text: "The Japanese side called on Russia to lift the visa requirements.",
			want: []string{"Japan supports lifting the visa requirements"},
		},
		{
			name: "both between the holders and the cue",
			text: "China and Russia have both criticised the missile shield.",
			want: []string{"China opposes the missile shield", "Russia opposes the missile shield"},
		},
		{
			name: "a denial is no stance",
			text: "Iran denied that it was seeking nuclear weapons.",
		},
		{
			name: "a condition is no stance",
			text: "\"If we reject this treaty, Britain will be isolated,\" said the minister.",
		},
		{
			name: "a country that modifies the subject",
			text: "US oil giant Exxon said it did not plan to take part in the new tender.",
		},
		{
			name: "a country's government as subject",
			text: "The US government denied the claims, saying it condemned and prohibited torture.",
			want: []string{"United States opposes torture"},
		},
		{
			name: "a participle clause after a comma",
			text: "Iraq welcomed the move, describing it as significant.",
			want: []string{"Iraq supports the move"},
		},
		{
			name: "including stays",
			text: "Italy plans to sell state assets, including a stake in the post office.",
			want: []string{"Italy supports selling state assets, including a stake in the post office"},
		},
		{
			name: "for the nth time",
			text: "The US blocked the application for the 21st time.",
			want: []string{"United States opposes the application"},
		},
		{
			name: "no stance: a passive, a firm of a country, to be someone, a game's defending",
			text: "Norway has been blocked by parliament from cutting the subsidies. Norway's Kestwix Motor has announced that it plans to build a plant. Sweden wants to be part of the winning team. Italy defended man on man all game.",
			want: nil,
		},
		{
			name: "no stance: criticised in the passive, offered a penalty, the object of met",
			text: "France have been criticised for their one-dimensional play. Italy were offered another penalty. The five unions which met Norwegian Prime Minister Tom Hale want the government to withdraw these rules.",
			want: nil,
		},
		{
			name: "a report after the issue without a comma",
			text: "Norway has rejected that idea saying the evidence is weak. Sweden defended plans to end the embargo.",
			want: []string{"Norway opposes that idea", "Sweden supports plans to end the embargo"},
		},
		{
			name: "is to: a plan; agreed a deal; not a person after for; not they were to",
			text: "Norway is to review dozens of state asset sales. Sweden has agreed a draft proposal with the bank to borrow $10bn. The priority for Finnish Finance Minister Tom Hale is to fight poverty. They were to place suspects under surveillance.",
			want: []string{"Norway supports reviewing dozens of state asset sales", "Sweden supports draft proposal with the bank to borrow $10bn"},
		},
		{
			name: "the prime minister: the country the article gives that office",
			text: "Norwegian Prime Minister Anna Berg visited Sweden. The prime minister has defended measures to allow curfews without trial.",
			want: []string{"Norway supports measures to allow curfews without trial"},
		},
		{
			name: "the government of the one country whose offices the article names",
			text: "Norwegian Justice Minister Tom Hale spoke on Monday. But the government has so far resisted pressure for judges to issue the orders, instead saying they may review them.",
			want: []string{"Norway opposes pressure for judges to issue the orders"},
		},
		{
			name: "the office inside someone's report, and rejected claims, are no stance",
			text: "Norwegian Prime Minister Anna Berg visited Sweden. Tom Hale said he believed the prime minister was keen to cut taxes. Norway rejected claims that the plan had failed.",
			want: nil,
		},
	}
	checkFacts(t, tests, func(f *extract.Facts) (rows []string) {
		for _, p := range f.Positions {
			rows = append(rows, fmt.Sprintf("%s %s %s", p.Country, p.Stance, p.Issue))
		}
		return rows
	})
}

// TestReportedStatements checks that what follows a speech verb is a
// statement: not the circumstances of the speaking, not a bare noun
// phrase.
func TestReportedStatements(t *testing.T) {
	tests := []textCase{
		{
			name: "a surname is the person named before, not a namesake named later; said, by 2008, he wanted",
			text: "Tom Hale opened the campaign. Mr Hale claimed, with some justification, that it had got off to a great start. Strategists who helped Jim Hale win in Kestwick are advising him.\n\nThe minister Anna Berg said, by 2008, she wanted every visitor to be checked.",
			want: []string{"Tom Hale: it had got off to a great start", "Anna Berg: she wanted every visitor to be checked"},
		},
		{
			name: "a denial keeps its verb; rejected suggestions; does admit",
			text: "Tom Hale denied that the plan had failed. Anna Berg rejected suggestions that the team was under pressure. Despite the hard work, Jim Bell does admit that the desire has to come from within.",
			want: []string{"Tom Hale: denied that the plan had failed", "Anna Berg: rejected suggestions that the team was under pressure", "Jim Bell: the desire has to come from within"},
		},
		{
			name: "a description with and between commas; an adverb in the complement; what someone called",
			text: "Tom Hale, the man behind the firm and billions of junk messages, said lawsuits had forced the firm into bankruptcy. Analyst Anna Berg called the new targets \"reasonably impressive\". The genre is in what Jim Bell calls its \"infant stage\".",
			want: []string{"Tom Hale: lawsuits had forced the firm into bankruptcy", "Anna Berg: the new targets are reasonably impressive"},
		},
		{
			name: "not past a subordinator to a person",
			text: "The paper was sued for libel by Mr Hale after the newspaper claimed he received money from the regime.",
		},
		{
			name: "he after an unnamed spokesman is no one named",
			text: "Security details for Gen Tom Hale's visit were found. A police spokesman said the files had been handed in. \"We cannot discuss it,\" he said.",
		},
		{
			name: "a relative's noun says the gender",
			text: "When Anna Berg started racing she followed her father, Murray, a former champion.\n\nShe uses a road car. \"You have to get everything right,\" she said.",
			want: []string{"Anna Berg: You have to get everything right"},
		},
		{
			name: "called with an article, and calling the police",
			text: "Tom Hale labelled the deal \"an eye-opener\". His wife, who called the police, was upset.",
			want: []string{"Tom Hale: the deal is an eye-opener"},
		},
		{
			name: "another person's clause after but, with an organisation's possessive",
			text: "Tom Hale said he was tired of asking them to make the courts faster but the Kestwick Forum's Anna Berg rejected his comments.",
			want: []string{"Tom Hale: he was tired of asking them to make the courts faster"},
		},
		{
			name: "a capitalised word before the title opens the clause",
			text: "Some of Tom Hale's recordings failed to sell. Auction spokesman Jim Bell said the Hale tapes were withdrawn.\n\nHe said the family did not want to sell them.",
			want: []string{"Jim Bell: the Hale tapes were withdrawn", "Jim Bell: the family did not want to sell them"},
		},
		{
			name: "a subordinate clause's subject is not the sentence's",
			text: "As Tory leader Tom Hale opened his campaign, the Lib Dem leader Jim Bell dismissed the Tories. And he insisted there was no limit to his party's ambitions.",
			want: []string{"Jim Bell: there was no limit to his party's ambitions"},
		},
		{
			name: "circumstance",
			text: "Trade Minister Anna Berg told reporters as she arrived for the meeting. She said the quotas were full of holes.",
			want: []string{"Anna Berg: the quotas were full of holes"},
		},
		{
			name: "not a circumstance",
			text: "Minister Anna Berg said as many as 3,000 firms could be reviewed.",
			want: []string{"Anna Berg: as many as 3,000 firms could be reviewed"},
		},
		{
			name: "called, and said",
			text: "The plan was agreed on Monday. Liberal Democrat spokesman Mark Oaten called the change pragmatic and argued it gave a better chance of producing a European asylum solution.",
			want: []string{"Mark Oaten: it gave a better chance of producing a European asylum solution", "Mark Oaten: the change is pragmatic"},
		},
		{
			name: "called with a noun phrase",
			text: "Campaigner John Begg called Camp Delta \"a major human-rights scandal\".",
			want: []string{"John Begg: Camp Delta is a major human-rights scandal"},
		},
		{
			name: "dismissed without as",
			text: "Prime Minister Tony Blair dismissed the talk of splits.",
		},
		{
			name: "speaker after an inverted title",
			text: "In Beijing, a Chinese Foreign Ministry spokesman, Lin Haotian, condemned the proposal and said it amounted to economic coercion.",
			want: []string{"Lin Haotian: it amounted to economic coercion"},
		},
		{
			name: "an unnamed speaker is not the last one named",
			text: "Musicians' Union official Nigel McCune said the rules were unfair. A US Embassy spokesman said the embassy was doing all it could. The visas would be processed quickly, he added.",
			want: []string{"Nigel McCune: the rules were unfair"},
		},
		{
			name: "a statement is not a speaker",
			text: "Ellen Simonetti was suspended by Delta in September. In a statement, she said she was taking legal action.",
			want: []string{"Ellen Simonetti: she was taking legal action"},
		},
		{
			name: "a speaker before a relative clause",
			text: "Martin Mubanga was freed on Tuesday. Lawyer Louise Christian, who represents Mr Abbasi and Mr Mubanga, said the government should have acted sooner. She said: \"They colluded with it.\"",
			want: []string{"Louise Christian: the government should have acted sooner", "Louise Christian: They colluded with it"},
		},
		{
			name: "with X saying",
			text: "Berlin welcomed the decision, with finance minister Hans Eichel saying it showed the policy was on the right track.",
			want: []string{"Hans Eichel: it showed the policy was on the right track"},
		},
		{
			name: "X of an organisation said",
			text: "William Corr of the Campaign for Tobacco-Free Kids urged the government to keep pressing its case.",
			want: []string{"William Corr: the government to keep pressing its case"},
		},
		{
			name: "a name is not a statement",
			text: "Foreign Secretary Jack Straw told BBC Radio 4's World At One.",
		},
		{
			name: "a lead-in of a quotation is not a report",
			text: "Anna Berg told BBC Radio 4's Today programme: \"The sooner we start, the better.\"",
			want: []string{"Anna Berg: The sooner we start, the better"},
		},
		{
			name: "adding, the same speaker",
			text: "Tom Hale met Anna Berg on Monday. He said the plan sounded \"balanced,\" adding it would settle the argument for good.",
			want: []string{"Tom Hale: the plan sounded balanced", "Tom Hale: it would settle the argument for good"},
		},
		{
			name: "a report in a relative clause ends with it",
			text: "Tom Hale, who argues the treaty reflects \"a shared vision\" and gives \"members a stronger say\", has said the vote could be held in spring.",
			want: []string{"Tom Hale: the treaty reflects a shared vision and gives members a stronger say", "Tom Hale: the vote could be held in spring"},
		},
		{
			name: "a relative clause inside a statement",
			text: "Tom Hale said the man, who later disappeared, claimed he was acting alone.",
			want: []string{"Tom Hale: the man, who later disappeared, claimed he was acting alone"},
		},
		{
			name: "an unnamed speaker with an organisation",
			text: "Tom Hale said the plan was sound. But a Foreign Office spokesman said he could not comment on the plan.",
			want: []string{"Tom Hale: the plan was sound"},
		},
		{
			name: "a description parenthesis after a name",
			text: "Tom Hale said the plan was sound. And Anna Berg, the Liberal Democrats' foreign affairs spokesman, said it was vital to publish it.",
			want: []string{"Tom Hale: the plan was sound", "Anna Berg: it was vital to publish it"},
		},
		{
			name: "a report inside a statement",
			text: "Tom Hale said the agent told him the passport had been found in a cave and suggested he had been on a mission.",
			want: []string{"Tom Hale: the agent told him the passport had been found in a cave and suggested he had been on a mission"},
		},
		{
			name: "a named speaker inside a statement",
			text: "Tom Hale said Anna Berg told him the plan would go ahead.",
			want: []string{"Tom Hale: Anna Berg told him the plan would go ahead", "Anna Berg: the plan would go ahead"},
		},
		{
			name: "an audience named with a possessive",
			text: "Anna Berg told BBC One's Breakfast with Frost the plan would go ahead.",
			want: []string{"Anna Berg: the plan would go ahead"},
		},
		{
			name: "the speaker's second verb ends the statement",
			text: "Anna Berg said the plan was weak and urged ministers to drop it. Tom Hale has insisted the film is harmless and has refused to withdraw it.",
			want: []string{"Anna Berg: the plan was weak", "Anna Berg: ministers to drop it", "Tom Hale: the film is harmless"},
		},
		{
			name: "a subject with however between commas, and a reflexive object",
			text: "Sir Ivor Penn wrote the review. Tom Hale was hired. Penn, however, declared himself satisfied with the process. \"The hiring of Tom Hale is a good sign,\" he said.",
			want: []string{"Ivor Penn: The hiring of Tom Hale is a good sign"},
		},
		{
			name: "the press of a country as the audience",
			text: "Tom Hale told the French media in Paris that the plan was sound.",
			want: []string{"Tom Hale: the plan was sound"},
		},
		{
			name: "indirect questions are no statements",
			text: "Tom Hale refused to say whether Mr Bell would stay. Anna Berg asked whether the plan was legal. Jim Bell said that whether voters chose Mr Hale or Ms Berg, the outcome would be the same.",
			want: []string{"Jim Bell: whether voters chose Mr Hale or Ms Berg, the outcome would be the same"},
		},
		{
			name: "a new report by the speaker after and",
			text: "Tom Hale said the bar would have to be very high and he asked whether ministers had checked it.",
			want: []string{"Tom Hale: the bar would have to be very high"},
		},
		{
			name: "the object of a speech verb is no speaker",
			text: "Chancellor Jim Bell spoke in Leeds. He was speaking as Sir Ivor Penn, the lobby's director general, warned Mr Bell not to spend the surplus on bribes.",
			want: []string{"Ivor Penn: Mr Bell not to spend the surplus on bribes"},
		},
		{
			name: "according to after a quotation; a group's name with an exclamation mark",
			text: "\"The plan is sound,\" according to media strategist Tom Hale. Anna Berg of campaign group Kestwick Now! said they were pleased.",
			want: []string{"Tom Hale: The plan is sound", "Anna Berg: they were pleased"},
		},
		{
			name: "urging and warning someone to do something",
			text: "Sir Ivor Penn, the lobby's director general, warned Mr Bell not to spend the surplus. Tom Hale urged ministers to drop the plan, fearing a backlash. Anna Berg has called on rich nations to fund the scheme. Jim Bell was warned to stay away.",
			want: []string{"Ivor Penn: Mr Bell not to spend the surplus", "Tom Hale: ministers to drop the plan", "Anna Berg: rich nations to fund the scheme"},
		},
		{
			name: "a programme's name after the audience",
			text: "Tom Hale told the BBC programme Kestwick Today how the firm uses radio. Anna Berg told Radio 4's Today programme Mr Bell had resigned.",
			want: []string{"Tom Hale: how the firm uses radio", "Anna Berg: Mr Bell had resigned"},
		},
		{
			name: "an accusation",
			text: "Tom Hale accused the board of hiding the losses from shareholders, and said he would sue. Anna Berg was accused of lying. Jim Bell accused the firm of \"cutting corners\" on safety.",
			want: []string{"Tom Hale: he would sue", "Tom Hale: the board of hiding the losses from shareholders", "Jim Bell: the firm of cutting corners on safety"},
		},
		{
			name: "an irregular past verb makes a clause; another person's clause after but",
			text: "Tom Hale said the deal laid to rest any fear of a split. Anna Berg said the plan was sound but Jim Bell thought it was weak.",
			want: []string{"Tom Hale: the deal laid to rest any fear of a split", "Anna Berg: the plan was sound", "Jim Bell: it was weak"},
		},
		{
			name: "with NAME telling AUDIENCE: a quotation",
			text: "Oslo was more subdued, with finance minister Tom Hale telling parliament: \"We must keep saving money.\"",
			want: []string{"Tom Hale: We must keep saving money"},
		},
		{
			name: "the diplomat: a fellow who was an ambassador",
			text: "Tom Hale, a former minister, spoke first. Sir Ivor Penn, Senior Fellow at the Kestwick Centre, former UK Ambassador to Norway, was more sceptical. \"Oslo can wait,\" the diplomat added.",
			want: []string{"Ivor Penn: Oslo can wait"},
		},
		{
			name: "an unknown name as the audience, then the clause's pronoun",
			text: "Tom Hale told Clarinet he would stay. The chairman told Mr Bell he would go.",
			want: []string{"Tom Hale: he would stay"},
		},
		{
			name: "an audience named by capitalised words no rule knows",
			text: "The paper's correspondent in Lagos, Anna Berg, told World Trade Review that prices would rise.",
			want: []string{"Anna Berg: prices would rise"},
		},
		{
			name: "a possessive before a speech noun",
			text: "His comments came as Anna Berg said the plan was good.",
			want: []string{"Anna Berg: the plan was good"},
		},
		{
			name: "a description before a participle clause",
			text: "Chancellor Tom Hale is in Africa. The chancellor, speaking during a tour of Kenya, said it was time to talk about values.",
			want: []string{"Tom Hale: it was time to talk about values"},
		},
		{
			name: "an appositive and a relative clause",
			text: "Tom Hale, head of Tiga, which represents developers, said that more firms would close.",
			want: []string{"Tom Hale: more firms would close"},
		},
		{
			name: "asked about, by reporters",
			text: "Anna Berg spoke on Monday. Tory leader Tom Hale, asked about Ms Berg's remark by reporters, said it was important to be careful.",
			want: []string{"Tom Hale: it was important to be careful"},
		},
		{
			name: "a verb inside a quotation",
			text: "Tom Hale said the referendum question \"seems straightforward\".",
			want: []string{"Tom Hale: the referendum question seems straightforward"},
		},
		{
			name: "a group is not the last person described",
			text: "Economist Tom Hale said rates would rise. Analysts said the economy was still not growing fast enough.",
			want: []string{"Tom Hale: rates would rise"},
		},
		{
			name: "a name inside a parenthesis is not the speaker",
			text: "Mr Tom Hale, elected president in January after Mr Sam Reed was toppled, has said the amnesty would be approved soon.",
			want: []string{"Tom Hale: the amnesty would be approved soon"},
		},
		{
			name: "an unnamed speaker of a long organisation name",
			text: "Tom Hale was promoted. A Department for Work and Pensions spokeswoman confirmed Mr Hale was still in post.",
		},
		{
			name: "a final attribution names its speaker after the verb",
			text: "The e-mail, which was meant for an official, suggested they should get Tom Hale, the agency's boss, to issue a statement.",
		},
		{
			name: "an inverted title and a name before the verb",
			text: "The new President, Tom Hale, has said a list of companies is being drawn up.",
			want: []string{"Tom Hale: a list of companies is being drawn up"},
		},
		{
			name: "a pronoun agrees with honorifics",
			text: "Tom Hale met Margaret Davidson on Monday. Ms Davidson said the talks had gone well. \"We will meet again,\" he said.",
			want: []string{"Margaret Davidson: the talks had gone well", "Tom Hale: We will meet again"},
		},
		{
			name: "a pronoun agrees with a given name",
			text: "Tom Hale met Margaret Davidson on Monday. Davidson said the talks had gone well. Hale was there too. \"We will meet again,\" she said.",
			want: []string{"Margaret Davidson: the talks had gone well", "Margaret Davidson: We will meet again"},
		},
		{
			name: "an honorific before a given name",
			text: "Robin Hale met Sam Berg on Monday. Mr Berg said the talks had gone well. \"We will meet again,\" he said.",
			want: []string{"Sam Berg: the talks had gone well", "Sam Berg: We will meet again"},
		},
		{
			name: "a person's spokesman is not the person",
			text: "Tom Hale met the union on Monday. Mr Hale's spokesman said the talks had gone well. He added that they would meet again.",
		},
		{
			name: "an organisation's officer is described",
			text: "Tom Hale, the chief executive of Acme Holdings, met the union. The firm's chief executive said the talks had gone well.",
			want: []string{"Tom Hale: the talks had gone well"},
		},
		{
			name: "an unnamed spokesman is not the person named before",
			text: "Tom Hale left the party in March. The spokesman said the talks had gone well.",
		},
		{
			name: "a spokesman's description after the name",
			text: "Anna Berg set the target in 1999. Tom Hale, Green Party health spokesman said: \"It is the same target she set before.\"",
			want: []string{"Tom Hale: It is the same target she set before"},
		},
		{
			name: "a quotation that names the latest speaker is not theirs",
			text: "Anna Berg lost her claim against the bank. The tribunal upheld Ms Berg's claim on some issues. \"We said from the start that this case was about performance,\" the bank said in a statement. \"Ms Berg was removed by the same person who had promoted her into the post.\"",
		},
		{
			name: "an organisation and its kind of medium as the audience",
			text: "Tom Hale told the BBC News website that the plan was sound.",
			want: []string{"Tom Hale: the plan was sound"},
		},
		{
			name: "adding a quotation after an inverted attribution",
			text: "\"We will not give in,\" said Tom Hale, adding: \"The budget is sound.\"",
			want: []string{"Tom Hale: We will not give in", "Tom Hale: The budget is sound"},
		},
		{
			name: "an object after a speech verb is not the speaker",
			text: "A club spokesperson denied Tom Hale made the remark, insisting: \"He did not say it.\"",
		},
		{
			name: "quoted as saying",
			text: "Anna Berg was quoted as saying the plan would fail.",
			want: []string{"Anna Berg: the plan would fail"},
		},
		{
			name: "in the words of, past an appositive",
			text: "In the words of Anna Berg, senior research fellow at the Centre for Security Studies, the region needs stability.",
			want: []string{"Anna Berg: the region needs stability"},
		},
		{
			name: "as X noted",
			text: "As Tom Hale noted, the sanctions have failed.",
			want: []string{"Tom Hale: the sanctions have failed"},
		},
		{
			name: "shared the opinion",
			text: "Meanwhile, Tom Hale shared the opinion that the talks would fail.",
			want: []string{"Tom Hale: the talks would fail"},
		},
		{
			name: "a speaker before a parenthesis is the next he",
			text: "Laura Stone said the talks were useful. Tom Hale, in turn, drew attention to the fact that trade has fallen. He also pointed out that the islands remain disputed.",
			want: []string{"Laura Stone: the talks were useful", "Tom Hale: trade has fallen", "Tom Hale: the islands remain disputed"},
		},
		{
			name: "a titled name at the very start of the text is a subject",
			text: "Spain coach Tom Hale is furious after being fined for his comments about Sam Reed.\n\nThe 66-year-old criticised his punishment. \"I am not guilty,\" he said.",
			want: []string{"Tom Hale: I am not guilty"},
		},
		{
			name: "a colon after a person's clause",
			text: "Tom Hale runs the studio. Mr Hale is confident though: \"I think people will see the difference.\"",
			want: []string{"Tom Hale: I think people will see the difference"},
		},
		{
			name: "a title word as a surname after Mr",
			text: "Richard Dean runs the studio. \"Our rates are high,\" says Mr Dean.",
			want: []string{"Richard Dean: Our rates are high"},
		},
		{
			name: "a plural title word as a surname after Ms",
			text: "Fiona Deans runs the cinema. \"Some films need time,\" explained Ms Deans.",
			want: []string{"Fiona Deans: Some films need time"},
		},
		{
			name: "an office named later",
			text: "Tom Hale said the camp was cruel. The home secretary said he would not order an inquiry.\n\nHome Secretary Anna Berg told the BBC: \"There will be no inquiry.\"",
			want: []string{"Tom Hale: the camp was cruel", "Anna Berg: he would not order an inquiry", "Anna Berg: There will be no inquiry"},
		},
		{
			name: "an attribution inside the statement",
			text: "The tone of the campaign, said Tom Hale, would be more local. Few savers have recovered their money, Mr Hale estimated, pointing out that many are pensioners.",
			want: []string{"Tom Hale: The tone of the campaign would be more local", "Tom Hale: Few savers have recovered their money"},
		},
		{
			name: "no clause before the attribution",
			text: "On his first day of questioning, Tom Hale admitted to falsifying the accounts. In a written statement, Minister Anna Berg said the age would be reduced.",
			want: []string{"Anna Berg: the age would be reduced"},
		},
		{
			name: "the deputy minister is not the minister named last",
			text: "Deputy Foreign Minister Tom Hale met reporters. He noted that Foreign Minister Peter Berg had visited Kestwick. \"Dialogue is better than confrontation,\" the deputy minister said.",
			want: []string{"Tom Hale: Foreign Minister Peter Berg had visited Kestwick", "Tom Hale: Dialogue is better than confrontation"},
		},
		{
			name: "he after a speaker named after the quotation",
			text: "Peter Berg, head of music at Acme, said phones sell. \"Mobiles will win,\" predicted Tom Hale, head of sales at Kestwick Records. He said: \"Asia is ahead.\"",
			want: []string{"Tom Hale: Mobiles will win", "Tom Hale: Asia is ahead"},
		},
		{
			name: "a quotation goes on past the speaker's appositive",
			text: "\"The deal is good,\" said Tom Hale, chief economist at Kestwick Capital. \"My base case is a compromise.\"",
			want: []string{"Tom Hale: The deal is good, My base case is a compromise"},
		},
		{
			name: "a second quotation right after the first",
			text: "Tom Hale said: \"The deal is good.\" \"My base case is a compromise.\"",
			want: []string{"Tom Hale: The deal is good. My base case is a compromise"},
		},
		{
			name: "said, a title, a comma, the name",
			text: "Tom Hale uses the service. \"It is a pleasure,\" he said. \"There are no technical reasons for delay,\" said Acme technology director, Peter Berg.",
			want: []string{"Tom Hale: It is a pleasure", "Peter Berg: There are no technical reasons for delay"},
		},
		{
			name: "said, an organisation's possessive, the name",
			text: "Maria Brunini joined in May. \"Search will change,\" said Acme's Maria Brunini. \"Whoever cracks it wins.\"",
			want: []string{"Maria Brunini: Search will change, Whoever cracks it wins"},
		},
		{
			name: "called that suggestion disgraceful; a fronted description is no statement",
			text: "Tom Hale called that suggestion \"disgraceful\". Formerly one of Mr Bell's closest Treasury aides, Anna Berg hinted at a giveaway in March.",
			want: []string{"Tom Hale: that suggestion is disgraceful"},
		},
		{
			name: "a long subject before the clause's verb; a scorer's added conversion",
			text: "Tom Hale said the list of rules for every snooker hall in Bramley had not done any damage. Jim Bell added the conversion and a penalty, after Anna Berg almost grabbed a try.",
			want: []string{"Tom Hale: the list of rules for every snooker hall in Bramley had not done any damage"},
		},
		{
			name: "warned an audience that; warned last week that",
			text: "Jim Bell warned Anna Berg on Monday that the war could be illegal. Tom Hale warned last week that there could be walkouts. Jim Bell also warned his Six Nations rivals that his team can improve.",
			want: []string{"Jim Bell: the war could be illegal", "Tom Hale: there could be walkouts", "Jim Bell: his team can improve"},
		},
		{
			name: "letters after a name",
			text: "Jim Bell QC, a member of Kestwick Chambers, says Anna Berg warned Tom Hale that the plan was illegal. Tom Hale MP said the plan was fine.",
			want: []string{"Jim Bell: Anna Berg warned Tom Hale that the plan was illegal", "Anna Berg: the plan was illegal", "Tom Hale: the plan was fine"},
		},
		{
			name: "a bracket after an opening mark; the narrative after the closing one",
			text: "\"It is big,\" said Tom Hale. \"There will be interest. \"[Anna] will advise us.\" Kestwick leave on 24 May, with the first match on 25 June.",
			want: []string{"Tom Hale: It is big, There will be interest. [Anna] will advise us"},
		},
		{
			name: "a quotation left open ends before a sentence reporting its speaker",
			text: "Jim Bell said: \"I have lost three years. He added: \"The authorities wanted to break me.\" Tom Hale spoke later. \"We feel it is important. Mr Hale was careful not to turn his back on Norway, saying ties were important. \"Norway is our partner,\" Mr Hale said.",
			want: []string{"Jim Bell: I have lost three years", "Jim Bell: The authorities wanted to break me", "Tom Hale: We feel it is important", "Tom Hale: ties were important", "Tom Hale: Norway is our partner"},
		},
		{
			name: "what a thing or nobody named says stays in the quotation",
			text: "Jim Bell said: \"No-one is doing it. Music feels like it is dead. \"Somebody told me this was the biggest release.\"",
			want: []string{"Jim Bell: No-one is doing it. Music feels like it is dead. Somebody told me this was the biggest release"},
		},
		{
			name: "a speaker found through he is not the one the statement names",
			text: "Tom Hale spoke first. The comments were not a one-off, he said, claiming Mr Hale and other senior Tories were committed to cuts.",
			want: nil,
		},
		{
			name: "a name described by a/an and a person's noun, then a speech verb",
			text: "Kestoro Vellosz, a key influence on economic thinking, says the plan is misplaced. Kestwix Holdings, a firm based in Leeds, said sales rose.",
			want: []string{"Kestoro Vellosz: the plan is misplaced"},
		},
		{
			name: "a long appositive between the quotation's speaker and the verb",
			text: "\"Rates will rise,\" Tom Hale, chief economist for the region at Kestrel Trading, said. \"Nobody expects it.\"",
			want: []string{"Tom Hale: Rates will rise, Nobody expects it"},
		},
	}
	checkFacts(t, tests, func(f *extract.Facts) (rows []string) {
		for _, c := range f.Claims {
			rows = append(rows, c.Person+": "+c.Statement)
		}
		return rows
	})
}

// TestOfficeInParagraphAboutUnion checks that a head of government with no
// country named is not given a union of states the paragraph is about,
// but the one state the sentence names.
func TestOfficeInParagraphAboutUnion(t *testing.T) {
	text := "The EU has promised closer ties. Brussels will consider the request in March.\n\n" +
		"Vice-Prime Minister Oleg Petrenko called on the EU to recognise the steps that Ukraine was taking.\n\n" +
		"Leaders in Brussels said the EU would respond. President Ivan Sidorov was not at the talks."
	got := map[string]string{}
	for _, a := range extractText(t, "union", text).Affiliations {
		got[a.Person] = a.Organisation
	}
	if got["Oleg Petrenko"] != "Ukraine" {
		t.Errorf("Oleg Petrenko: got %q, want Ukraine (affiliations %v)", got["Oleg Petrenko"], got)
	}
	if o, ok := got["Ivan Sidorov"]; ok {
		t.Errorf("Ivan Sidorov: got %q, want no affiliation", o)
	}
}

// TestTitleAffiliations checks titles and appositives that name an
// organisation: an acronym before a title is the organisation, not a
// portfolio, and a plural role after a name belongs to others in a list.
func TestTitleAffiliations(t *testing.T) {
	tests := []textCase{
		{
			name: "acronym before a title",
			text: "Tony Blair met UN Secretary General Kofi Annan on Monday.",
			want: []string{"Kofi Annan|Secretary General|United Nations"},
		},
		{
			name: "an organisation's name before a capitalised title",
			text: "Acme Research Council Professor Anna Berg said the results were sound.",
			want: []string{"Anna Berg|Professor|Acme Research Council"},
		},
		{
			name: "a club before a lower-case title",
			text: "Former Kestwick captain Tom Hale said he would retire.",
			want: []string{"Tom Hale|Captain|Kestwick"},
		},
		{
			name: "portfolio before a title",
			text: "Sudan's Irrigation Minister Omar Babiker arrived on Monday.",
			want: []string{"Omar Babiker|Irrigation Minister|Sudan"},
		},
		{
			name: "inverted title with an organisation",
			text: "In Beijing, a Chinese Foreign Ministry spokesman, Lin Haotian, condemned the proposal.",
			want: []string{"Lin Haotian|Spokesman|Chinese Foreign Ministry"},
		},
		{
			name: "inverted title without a determiner",
			text: "In Beijing, spokesman, Lin Haotian, condemned the proposal.",
		},
		{
			name: "a title before a list's next name",
			text: "Mr Blair held talks with his Israeli counterpart, Ariel Sharon, and the Palestinian leader, Mahmoud Abbas.",
			want: []string{"Mahmoud Abbas|Leader|Palestine"},
		},
		{
			name: "two names are not a list",
			text: "In an interview with the BBC's political editor Andrew Marr, Mr Blair said progress would be tough.",
			want: []string{"Andrew Marr|Political Editor|BBC"},
		},
		{
			name: "a title that is the next clause's subject",
			text: "Echoing the new US Secretary of State Condoleezza Rice, the prime minister said US policy had changed.",
			want: []string{"Condoleezza Rice|Secretary of State|United States"},
		},
		{
			name: "a plural possessive in a name",
			text: "James Seller, general secretary of the Music Managers' Forum, said the rules were unfair.",
			want: []string{"James Seller|General Secretary|Music Managers' Forum"},
		},
		{
			name: "a shadow minister holds no office of state",
			text: "Shadow Foreign Secretary Michael Ancram said the plan was wrong.",
		},
		{
			name: "a country in another's title is not the paragraph's",
			text: "Deputy Prime Minister John Prescott met the Iraqi leader, Ayad Allawi, in London.",
			want: []string{"John Prescott|Deputy Prime Minister|United Kingdom", "Ayad Allawi|Leader|Iraq"},
		},
		{
			name: "an acronym the article defines",
			text: "The law will not be re-drafted by the European Commission (EC) despite requests by MEPs.\n\nIn a letter, EC President Jose Manuel Barroso told the President of the European Parliament the plan would go ahead.",
			want: []string{"Jose Manuel Barroso|President|European Commission"},
		},
		{
			name: "plural role in a list",
			text: "Due to attend are US Secretary of State Ann Pike, Nato chief John Berg, World Bank officials and foreign ministers from 23 countries.",
			want: []string{"Ann Pike|Secretary of State|United States", "John Berg|Chief|Nato"},
		},
		{
			name: "an expert at an organisation named only here",
			text: "\"Prices will rise,\" said Tom Hale, chief economist with Grey Stone Partners in Boston.",
			want: []string{"Tom Hale|Chief Economist|Grey Stone Partners"},
		},
		{
			name: "an expert of a field",
			text: "\"Prices will rise,\" said Tom Hale, professor of Economics.",
		},
		{
			name: "a minister of the government whose seat the article names",
			text: "The coach hired Prime Minister Tom Hale's former adviser for the tour of New Zealand, where New Zealand fans gave the Lions a warm welcome in Auckland and Wellington.\n\nA Downing Street spokesman said the adviser would be back in May. President Jim Bell of Chile was not asked.",
			want: []string{"Tom Hale|Prime Minister|United Kingdom", "Jim Bell|President|Chile"},
		},
		{
			name: "an organisation's head word in lower case; counsel",
			text: "Tom Hale, chairman of the Kestwick foundation, warned of lawsuits. \"We will prevail,\" said Jim Bell, legal counsel for Brekvik. Anna Berg, chief executive of the Frankfurt-based exchange, agreed.",
			want: []string{"Tom Hale|Chairman|Kestwick foundation", "Jim Bell|Legal Counsel|Brekvik"},
		},
		{
			name: "a firm with a given name in it; a chamber; Northern Ireland",
			text: "Tom Hale, a specialist at accountancy firm Grant Brekvik, said it was crucial. Anna Berg, president of the Kestwick Merchants Chamber, agreed. Northern Ireland Minister Jim Bell was in Belfast.",
			want: []string{"Tom Hale|Specialist|Grant Brekvik", "Anna Berg|President|Kestwick Merchants Chamber", "Jim Bell|Minister|United Kingdom"},
		},
		{
			name: "a name with and",
			text: "\"Prices will rise,\" said Tom Hale, an analyst at Stone & Baker Research.",
			want: []string{"Tom Hale|Analyst|Stone & Baker Research"},
		},
		{
			name: "a possessive organisation named only here",
			text: "Tom Hale, Kelvor's chief executive officer, said the results were strong.",
			want: []string{"Tom Hale|Chief Executive Officer|Kelvor"},
		},
		{
			name: "a possessive organisation starting the sentence",
			text: "Kelvor's chief economic adviser Tom Hale said the results were strong.",
			want: []string{"Tom Hale|Chief Economic Adviser|Kelvor"},
		},
		{
			name: "a possessive person is not an organisation",
			text: "Maria Lopez won the race. Lopez's coach, Tom Hale, said she was strong.",
		},
		{
			name: "a short form of an organisation found",
			text: "Grey Stone University published the survey. \"It matters,\" said Tom Hale, a lecturer at Grey Stone.",
			want: []string{"Tom Hale|Lecturer|Grey Stone University"},
		},
		{
			name: "inverted title with of",
			text: "It will be up to the incoming president of the European Commission, Anna Pires, to decide.",
			want: []string{"Anna Pires|Incoming President|European Commission"},
		},
		{
			name: "an organisation starting the sentence, named elsewhere",
			text: "The club beat Everton. Kelvor vice-chairman Tom Hale said the board backed the manager, who joined Kelvor in May.",
			want: []string{"Tom Hale|Vice-chairman|Kelvor"},
		},
		{
			name: "a word of tenure is no organisation",
			text: "New Home Secretary Tom Hale vowed the men would stay in prison.",
			want: []string{"Tom Hale|Home Secretary|United Kingdom"},
		},
		{
			name: "a title before and an organisation after the name",
			text: "\"Sales are weak,\" said retail analyst Tom Hale of Grey Stone Securities.",
			want: []string{"Tom Hale|Analyst|Grey Stone Securities"},
		},
		{
			name: "an acronym before a title in an appositive",
			text: "\"They sacked people,\" said Tom Hale, NUJ General Secretary.",
			want: []string{"Tom Hale|General Secretary|NUJ"},
		},
		{
			name: "several words describe the organisation",
			text: "Anna Berg, director of civil liberties pressure group Liberty, said the orders were wrong.",
			want: []string{"Anna Berg|Director|Liberty"},
		},
		{
			name: "lower-case words between title words and the head",
			text: "Anna Berg, Tory shadow work and pensions secretary, said the payments were late.",
			want: []string{"Anna Berg|Tory Shadow Work and Pensions Secretary|Conservative Party"},
		},
		{
			name: "lower-case words between a possessive and an inverted title",
			text: "The European Commission's monetary affairs commissioner, Ana Pires, said the euro was strong.",
			want: []string{"Ana Pires|Monetary Affairs Commissioner|European Commission"},
		},
		{
			name: "a club's name starting the sentence",
			text: "Manchester United captain Roy Keane was cleared by the FA.",
			want: []string{"Roy Keane|Captain|Manchester United"},
		},
		{
			name: "a participle starting the sentence is not part of the name",
			text: "Injured Kelvor winger Tom Hale has a 10% chance of playing. Kelvor lost.",
			want: []string{"Tom Hale|Winger|Kelvor"},
		},
		{
			name: "the longer party name",
			text: "Tom Hale, Liberal Democrat home affairs spokesman, said the plan was wrong.",
			want: []string{"Tom Hale|Liberal Democrat Home Affairs Spokesman|Liberal Democrats"},
		},
		{
			name: "an office of state in an appositive",
			text: "Britain will host the summit. Tom Hale, the Chancellor, said aid would rise.",
			want: []string{"Tom Hale|Chancellor|United Kingdom"},
		},
		{
			name: "a company office in an appositive",
			text: "Britain will host the show. \"It is a step,\" said Tom Hale, senior vice president, Kelvor home division.",
		},
		{
			name: "a plural inverted title is not the next name's",
			text: "There was abuse of England's black players, Tom Hale's anger and a poor game.",
		},
		{
			name: "an organisation's possessive before a name",
			text: "Kelvor Institute published the figures. \"It is slow,\" says Kelvor Institute's Tom Hale.",
			want: []string{"Tom Hale|Member|Kelvor Institute"},
		},
		{
			name: "a commissioner of the union sits on its commission",
			text: "EU Trade Commissioner Tom Hale said talks would go on.",
			want: []string{"Tom Hale|Trade Commissioner|European Union", "Tom Hale|Trade Commissioner|European Commission"},
		},
		{
			name: "a title of an organisation before the name",
			text: "Director of the Institute of Asian Studies Tom Hale believes that the talks were useful.",
			want: []string{"Tom Hale|Director|Institute of Asian Studies"},
		},
		{
			name: "a country's long name with a possessive",
			text: "Anna Berg met Vice Foreign Minister of the People's Republic of China Zhao Ming on Monday.",
			want: []string{"Zhao Ming|Vice Foreign Minister of the People's Republic of China|China"},
		},
		{
			name: "a country whose head of government is someone else",
			text: "Prime Minister Tom Hale arrived in the Middle East.\n\nMr Hale held talks with the Palestinian leader, Sam Reed. Palestinian officials and Palestinian groups welcomed him, and Palestinian police guarded the tomb in Ramallah.",
			want: []string{"Sam Reed|Leader|Palestine"},
		},
		{
			name: "an office with no country in an article about one country",
			text: "Argentina's economy grew. Argentina paid its debts, and Argentina's banks recovered.\n\nArgentina will now borrow again. Planning Minister Tom Hale has offered state help.",
			want: []string{"Tom Hale|Planning Minister|Argentina"},
		},
		{
			name: "an organisation's office is not the article's country's",
			text: "Japan's economy grew. Japan paid its debts, and Japan's banks recovered.\n\nJapan will now borrow again. However Kintaro president Tom Hale said sales were up.",
		},
		{
			name: "an office with an acronym is not the article's country's",
			text: "Britain's economy grew. Britain paid its debts, and Britain's banks recovered.\n\nBritain will now borrow again. BoE governor Tom Hale warned of inflation.",
		},
		{
			name: "inverted title of a capital",
			text: "The line has the support of the Mayor of London, Ken Hale, and of business groups.",
		},
		{
			name: "an inverted title with a demonym opens the sentence",
			text: "The Japanese foreign minister, Tom Hale, said talks would go on. The Emirati minister of state for foreign affairs, Anna Berg, said so too.",
			want: []string{"Tom Hale|Foreign Minister|Japan", "Anna Berg|Minister of State|United Arab Emirates"},
		},
		{
			name: "a party's possessive, singular or plural, before a title",
			text: "The Tories' shadow business secretary, Tom Hale, called it chaotic. Labour's campaign spokesman Peter Berg disagreed. Kestwick Rovers' boss Anna Berg said nothing.",
			want: []string{"Tom Hale|Shadow Business Secretary|Conservative Party", "Peter Berg|Campaign Spokesman|Labour Party", "Anna Berg|Boss|Kestwick Rovers"},
		},
		{
			name: "who runs a company the rules do not know",
			text: "\"Half my customers are leaving,\" said Tom Hale, who runs Quillfeather Tools, a tooling company.",
			want: []string{"Tom Hale|Head|Quillfeather Tools"},
		},
		{
			name: "the NAME union",
			text: "Tom Hale, a regional officer for the Kestwick union, said workers were angry. Fans at the Anfield club cheered.",
			want: []string{"Tom Hale|Regional Officer|Kestwick"},
		},
		{
			name: "a role the clause gives its subject",
			text: "Tom Hale has been appointed chief executive of Acme Holdings. Anna Berg said Peter Berg was manager at Kestwick Rovers.",
			want: []string{"Tom Hale|Chief Executive|Acme Holdings", "Peter Berg|Manager|Kestwick Rovers"},
		},
		{
			name: "no role for a name that is not the subject, or for a feat",
			text: "Gordon Hale, minister under Mr Berg, became Kestwick Rovers' longest-serving captain.",
			want: []string{},
		},
		{
			name: "an analyst with a bank is a person",
			text: "Imports will rise, said Tom Hale, an analyst with Kestwick Bank.",
			want: []string{"Tom Hale|Analyst|Kestwick Bank"},
		},
		{
			name: "the organisation's title, after the organisation by its type",
			text: "Data from the Northern Widget Federation show imports rose. Anna Berg, the federation's director general, said the quotas were weak.",
			want: []string{"Anna Berg|Director General|Northern Widget Federation"},
		},
		{
			name: "the company's title, after a company named by a noun",
			text: "The ruling will hit cheese company Crestwick Dairies. Anna Berg, the company's founder, said it would cost a lot.",
			want: []string{"Anna Berg|Founder|Crestwick Dairies"},
		},
		{
			name: "a country of two words before a portfolio and a head",
			text: "South African President Sipho Ndlovu and Lifelong Learning Minister Tom Hale arrived on Monday.",
			want: []string{"Sipho Ndlovu|President|South Africa"},
		},
		{
			name: "a description with a country stands for the person named before",
			text: "Tom Hale has called for new talks.\n\nOn the second day of his tour, the Norwegian foreign minister said the talks could start in May.",
			want: []string{"Tom Hale|Foreign Minister|Norway"},
		},
		{
			name: "an organisation defined with its acronym, with a possessive inside",
			text: "The Kestwick People's Party (KPP) attacked the plan. \"It is wrong,\" KPP spokesman Tom Hale said.",
			want: []string{"Tom Hale|Spokesman|Kestwick People's Party"},
		},
		{
			name: "an acronym the article does not define",
			text: "The North Widget Federation has hired a coach. \"We searched long,\" said NWF chief executive Tom Hale.",
			want: []string{"Tom Hale|Chief Executive|North Widget Federation"},
		},
		{
			name: "an organisation after the name",
			text: "\"Rates will rise,\" said Tom Hale of Kestwick Capital. Anna Berg of the Crestwick Institute said they would not. Lord Penn of Bramley agreed. Jim Bell of campaign group Kestwick Now said so too.",
			want: []string{"Tom Hale|Member|Kestwick Capital", "Anna Berg|Member|Crestwick Institute", "Jim Bell|Member|Kestwick Now"},
		},
		{
			name: "a country after the name",
			text: "Russia hosted the talks. President Ivan Moraru of Moldova said they went well.",
			want: []string{"Ivan Moraru|President|Moldova"},
		},
		{
			name: "a lede's description, then the name",
			text: "Norway's fisheries minister has opened the talks with a call for lower quotas.\n\nTom Hale said the stocks were at risk.",
			want: []string{"Tom Hale|Fisheries Minister|Norway"},
		},
		{
			name: "a national team by a domain word",
			text: "Wales manager Tom Hale and the ex-England coach Jim Bell met.",
			want: []string{"Tom Hale|Manager|Wales", "Jim Bell|Coach|England"},
		},
		{
			name: "an inverted title with a country, opening a clause",
			text: "But last week, Norwegian Fisheries Minister, Ola Strand, told the talks it was over. As Norwegian Fisheries Minister, Tom Hale has said little.",
			want: []string{"Ola Strand|Fisheries Minister|Norway"},
		},
		{
			name: "the seat of a government after the name",
			text: "Norway's leader arrived. Prime Minister Tom Hale at 10 Downing Street said the talks went well.",
			want: []string{"Tom Hale|Prime Minister|United Kingdom"},
		},
		{
			name: "a company named by a sentence opener",
			text: "Still has cut its prices. Sales at existing Still stores fell. Still chief executive Tom Hale admitted that sales were weak.",
			want: []string{"Tom Hale|Chief Executive|Still"},
		},
		{
			name: "a place that opens the sentence",
			text: "New York Attorney General Anna Berg sued the company.",
			want: []string{"Anna Berg|Attorney General|New York"},
		},
		{
			name: "the company is not the audience",
			text: "Crestwick Holdings lost money, Anna Berg told the Kestwick Gazette. Tom Hale, the company's chairman, agreed.",
			want: []string{"Tom Hale|Chairman|Crestwick Holdings"},
		},
		{
			name: "an unknown name opening the sentence before a title",
			text: "Kestwix marketing director Anna Berg said sales were up. Film director Tom Hale agreed.",
			want: []string{"Anna Berg|Marketing Director|Kestwix"},
		},
		{
			name: "commercial and performance directors",
			text: "The talks included Kestwick commercial director Anna Berg and KLTA performance director Tom Hale.",
			want: []string{"Anna Berg|Commercial Director|Kestwick", "Tom Hale|Performance Director|KLTA"},
		},
		{
			name: "the possessive of a name in -s",
			text: "Sales were flat, Anna Berg, Crestwicks' chief economist, said.",
			want: []string{"Anna Berg|Chief Economist|Crestwicks"},
		},
		{
			name: "its founder: the organisation the sentence names last, or opens with",
			text: "Shares in Kestwix fell. Kestwix has said the sale is punishment for the ambitions of its founder, Tom Hale. Crestwick Holdings has sued Vostel, its chief executive Anna Berg and two others.",
			want: []string{"Tom Hale|Founder|Kestwix"},
		},
		{
			name: "a name, then an organisation's head word in lower case",
			text: "\"Sales are fine,\" said Anna Berg, mobile analyst at Kestrel research.",
			want: []string{"Anna Berg|Mobile Analyst|Kestrel research"},
		},
		{
			name: "where the organisation is, and a clause that goes on, are not it",
			text: "\"It is a front,\" said Tom Hale, an analyst at Troska Dialog in Moscow. \"Sales are fine,\" Anna Berg, an analyst at Vostra told the Kestwick Gazette.",
			want: []string{"Tom Hale|Analyst|Troska Dialog", "Anna Berg|Analyst|Vostra"},
		},
		{
			name: "club president; DJ; Lord Chancellor; a work's title; the next name of a list",
			text: "\"We understand,\" said club president Tom Hale. Radio 1 moved DJ partner Jim Bell. Paying tribute, the Lord Chancellor Lord Brant said it was sad. Other films include Anna Berg's Kings And Queen, Tomas Kestrov's Games. Pundits included Radio 1 DJ Jana Vell, NME editor Olga Stern, and others.",
			want: []string{"Brant|Lord Chancellor|United Kingdom", "Olga Stern|Editor|NME"},
		},
		{
			name: "an organisation's name ending in a title; a form of address is no post; a portfolio's Labour",
			text: "New Kestwick Police Commissioner Sir Tom Hale backed the orders. During his speech at KDC Mr Bell gave a glimpse. The ONGC's Mr Raha said so. Economy and Labour Minister Anna Berg of Norway called the dip mild.",
			want: []string{"Tom Hale|Commissioner|Kestwick Police", "Raha|Member|ONGC", "Anna Berg|Economy and Labour Minister|Norway"},
		},
		{
			name: "an organisation's possessive before an office is no state's office",
			text: "\"We are opening accounts in banks in the United States,\" the central bank's vice president Tom Hale said.",
			want: nil,
		},
		{
			name: "police ranks",
			text: "But Assistant Chief Constable Tom Hale has liaised with protest groups. Detective Inspector Jim Bell of Kestwick Police said the man was arrested.",
			want: []string{"Jim Bell|Detective Inspector|Kestwick Police"},
		},
		{
			name: "a field, then the organisation",
			text: "\"Rates will rise,\" Tom Hale, chief economist for the region at Kestrel Trading, said.",
			want: []string{"Tom Hale|Chief Economist for the region|Kestrel Trading"},
		},
		{
			name: "a club named after a capital city",
			text: "Kestwick have joined the race to sign Dynamo Madrid striker Tom Hale.",
			want: []string{"Tom Hale|Striker|Dynamo Madrid"},
		},
		{
			name: "a country before the title, the firm after it",
			text: "Tom Hale, UK managing director of filtering firm Kestwix, said spam was rising.",
			want: []string{"Tom Hale|Managing Director|Kestwix"},
		},
		{
			name: "a title and a form of address are two persons",
			text: "The UK economy grew. Chancellor Tom Hale spoke. Jim Bell accused the prime minister and Mr Hale of squabbling.",
			want: []string{"Tom Hale|Chancellor|United Kingdom"},
		},
		{
			name: "a party's name in lower case is no party",
			text: "Irish republican Anna Berg was elected in 1969.",
			want: nil,
		},
	}
	checkFacts(t, tests, func(f *extract.Facts) (rows []string) {
		for _, a := range f.Affiliations {
			rows = append(rows, a.Person+"|"+a.Role+"|"+a.Organisation)
		}
		return rows
	})
}

// TestFormerPosts checks that "former" and "ex-" make a post a former
// one, wherever they stand before the organisation.
func TestFormerPosts(t *testing.T) {
	tests := []textCase{
		{
			name: "former before the organisation",
			text: "Former Kestwick captain Tom Hale retired. The club signed Anna Berg, including former Bramley manager Jim Bell.",
			want: []string{"Tom Hale|Kestwick|former", "Jim Bell|Bramley|former"},
		},
		{
			name: "a description of the story's subject by former clubs",
			text: "Tom Hale was unveiled on Monday. The former Kestwick and Bramley boss said he was delighted.",
			want: []string{"Tom Hale|Kestwick|former", "Tom Hale|Bramley|former"},
		},
		{
			name: "a national team's former manager",
			text: "The plan has the backing of fans, including former Scotland manager Jim Bell.",
			want: []string{"Jim Bell|Scotland|former"},
		},
		{
			name: "ex- joined to the organisation",
			text: "The ex-Kestwick boss Tom Hale was unveiled.",
			want: []string{"Tom Hale|Kestwick|former"},
		},
		{
			name: "a post held then",
			text: "The ban was imposed by then president Tom Hale of Chile in 1986. It followed the resignation of the then Home Secretary Jim Bell.",
			want: []string{"Tom Hale|Chile|former", "Jim Bell|United Kingdom|former"},
		},
		{
			name: "then after a verb; not after and",
			text: "In 2002 Anna Berg met then Home Office Minister Tom Hale. She spoke and then Home Secretary Jim Bell replied.",
			want: []string{"Tom Hale|United Kingdom|former", "Jim Bell|United Kingdom|current"},
		},
	}
	checkFacts(t, tests, func(f *extract.Facts) (rows []string) {
		for _, a := range f.Affiliations {
			state := "current"
			if !a.Current {
				state = "former"
			}
			rows = append(rows, a.Person+"|"+a.Organisation+"|"+state)
		}
		return rows
	})
}

// TestPersonNames checks what makes a capitalised phrase a person's name:
// a title of the courts or the churches before it is not part of the name,
// and a phrase whose first word the article uses as an ordinary word needs
// more than a speech verb to be a person.
func TestPersonNames(t *testing.T) {
	tests := []textCase{
		{
			name: "a place that starts with a prefix",
			text: "Documents listed groups in New York and suggested he had been on a mission.",
		},
		{
			name: "judge",
			text: "Judge Letitia Clark said the case would go on.",
			want: []string{"Letitia Clark"},
		},
		{
			name: "cardinal",
			text: "Billions should have been used to reduce poverty, Cardinal Cormac Murphy-O'Connor has said.",
			want: []string{"Cormac Murphy-O'Connor"},
		},
		{
			name: "a surname the article writes before \", who\"",
			text: "The board wants Tom Hale to succeed Tovalo Brekvik as chair. Hale is favourite to take over from Brekvik, who resigned on Monday.",
			want: []string{"Tom Hale", "Tovalo Brekvik"},
		},
		{
			name: "not a place after of before \", who\"",
			text: "The programme heard from Lord Hale of Kestwick, who was a minister then. He met Walvor Kestwick in May.",
			want: []string{"Hale"},
		},
		{
			name: "given names of English-speaking countries",
			text: "The picture stars Naomi Quarrel and Oscar winner Adrien Pellow. Katerina Doulou won silver.",
			want: []string{"Naomi Quarrel", "Adrien Pellow", "Katerina Doulou"},
		},
		{
			name: "a name after an occupation",
			text: "Actor Tovalo Brekvik, best known for his role in a soap, was honoured. The song features rapper Kestwicko. She won the best actress Oscar last year.",
			want: []string{"Tovalo Brekvik", "Kestwicko"},
		},
		{
			name: "a royal title after a form of address is a surname",
			text: "\"We will win,\" said Mr King, a consultant at the firm.",
			want: []string{"King"},
		},
		{
			name: "a relative's given name",
			text: "Tom Hale came with his mother, Patricia, and thanked her. Mother Goose was not there.",
			want: []string{"Tom Hale", "Patricia"},
		},
		{
			name: "a surname that ends an attribution",
			text: "Tovalo Brekvik kept his title hopes alive on Friday. \"It's awesome,\" said Brekvik. Film-maker Jim Bellow said he agreed.",
			want: []string{"Tovalo Brekvik", "Jim Bellow"},
		},
		{
			name: "two particles inside a name",
			text: "The award went to Rodrigo de la Serna on Monday. Edwin van der Kestwick saved a penalty.",
			want: []string{"Rodrigo de la Serna", "Edwin van der Kestwick"},
		},
		{
			name: "a word before an occupation or a group's noun is no name",
			text: "Former Kestland footballer Tom Hale will star in a film. The Brekvik band Kestwicks split up.",
			want: []string{"Tom Hale"},
		},
		{
			name: "no name starts with a preposition",
			text: "A spokesman for Reporters Without Borders described the sentence as harsh.",
		},
		{
			name: "a descriptor before a name",
			text: "Guitarist Brian May said the tour would go ahead. Fly-half Stephen Jones was injured.",
			want: []string{"Brian May", "Stephen Jones"},
		},
		{
			name: "an ordinary word first",
			text: "Pensioners of any age will gain. But Age Concern said the plan was unfair.",
		},
		{
			name: "a well-known body by its full name",
			text: "The United Nations warned that the toll could rise. Tom Hale said aid was on its way.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a title's plural and an ordinary word after a title",
			text: "Labour MPs warned Tom Hale. The General Election will be held in May, and the election may be close.",
			want: []string{"Tom Hale"},
		},
		{
			name: "an ordinary word after a form of address is a surname",
			text: "Mr Short said the list was short.",
			want: []string{"Short"},
		},
		{
			name: "a trade before a name is a person's, a firm's a company's",
			text: "\"It was hard,\" said film producer Ezra Quillfeather, who worked with research firm Widgetmetrics.",
			want: []string{"Ezra Quillfeather"},
		},
		{
			name: "a short lede is body when the source gives the title",
			text: "Tom Hale has been named the new Kestwick manager.\n\nThe former coach starts on Monday.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a title of two words before a name",
			text: "Kestwick chief executive Jez Moxey defended the decision. \"We hope it will work,\" he said.",
			want: []string{"Jez Moxey"},
		},
		{
			name: "familiar forms of given names",
			text: "Dave Marwick and Robbie Quillfeather arrived late.",
			want: []string{"Dave Marwick", "Robbie Quillfeather"},
		},
		{
			name: "a facility and a hemisphere",
			text: "Tom Hale backed the International Finance Facility. The Northern Hemisphere side lost.",
			want: []string{"Tom Hale"},
		},
		{
			name: "brothers and sisters are a firm or a band",
			text: "Tom Hale, an economist at Fenwick Brothers, met the Copper Sisters. Fenwick Brothers said it would wait.",
			want: []string{"Tom Hale"},
		},
		{
			name: "newspapers, registries and consultancies",
			text: "Acme Insight said prices rose, the Land Registry said sales fell and Kestwick Daily said both. Tom Hale agreed.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a sports club",
			text: "Kestwick United said the deal was agreed, and Tom Hale said the club had changed. Bramley Rovers said nothing.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a party by its short plural",
			text: "The Lib Dems say the plan is unfair, but Tom Hale said it was sound.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a familiar and a full given name in one article",
			text: "Kestwick has hired psychologist Dave Marwick. \"The appointment of David Marwick is good news,\" said Tom Hale.",
			want: []string{"Dave Marwick", "Tom Hale"},
		},
		{
			name: "a surname with its particle",
			text: "Planning Minister Julio Del Campo has offered help. Mr Del Campo said the state would pay.",
			want: []string{"Julio Del Campo"},
		},
		{
			name: "Welsh, Scottish and Irish given names",
			text: "Rhodri Penhallow and Siobhan Quillfeather arrived late.",
			want: []string{"Rhodri Penhallow", "Siobhan Quillfeather"},
		},
		{
			name: "a name whose surname the article writes after Mr",
			text: "The US said that Australian Mamdouh Quillfeather would be released. Mr Quillfeather was held for three years. Unfortunately Kestwick lost, and I miss Kestwick.",
			want: []string{"Mamdouh Quillfeather"},
		},
		{
			name: "a knight by the given name",
			text: "Sir Ivor Penn said stability was key. Sir Ivor added that he was sure of it.",
			want: []string{"Ivor Penn"},
		},
		{
			name: "more English and American given names",
			text: "Brett Quillfeather and Hayley Penhallow arrived late.",
			want: []string{"Brett Quillfeather", "Hayley Penhallow"},
		},
		{
			name: "a street's short form",
			text: "Downing St said the offer stood, and Tom Hale agreed.",
			want: []string{"Tom Hale"},
		},
		{
			name: "words of a faith are no person",
			text: "Roman Catholic leaders said the film was offensive, and Tom Hale agreed.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a common English word first is a firm, not a person",
			text: "Royal Fenwick said on Friday that profits rose. Tom Hale agreed.",
			want: []string{"Tom Hale"},
		},
		{
			name: "a common English word as a descriptor before a name",
			text: "Journalist Ondrej Kaspar writes: \"The plan was never going to work.\"",
			want: []string{"Ondrej Kaspar"},
		},
		{
			name: "a portfolio of two words before a title",
			text: "Monetary Affairs Commissioner Tomas Ferreiro said that it was a matter for next week.",
			want: []string{"Tomas Ferreiro"},
		},
		{
			name: "a title's complement that goes on after and",
			text: "The Minister of Water and Energy Tesfaye Bekele said the dam would be finished.",
			want: []string{"Tesfaye Bekele"},
		},
		{
			name: "a champion's name; a trade's plural before a name is no given name",
			text: "Hewitt will face world champion Tomas Kestrov in the final. Bookmakers Kestbrokes says the singer is favourite. Former Kestwick champion Jana Vell lost.",
			want: []string{"Tomas Kestrov", "Jana Vell"},
		},
		{
			name: "a police rank is no part of a name",
			text: "But Assistant Chief Constable Tom Hale has liaised with protest groups. Detective Inspector Jim Bell of Kestwick Police said the man was arrested.",
			want: []string{"Tom Hale", "Jim Bell"},
		},
		{
			name: "a team's line-up by initials",
			text: "Kestwick: G Marsh; T Brant, K Vollo (capt), D Hesk; R Tolley.\n\nThe A Team won.",
			want: []string{"G Marsh", "T Brant", "K Vollo", "D Hesk", "R Tolley"},
		},
		{
			name: "relatives named in a list after a plural noun",
			text: "The bid is being led by his two sons, Xavo and Tirel. It could harm her access to her children, Brantley said. Their two children Emily, 16, and Pelham were pleased.",
			want: []string{"Xavo", "Tirel", "Emily"},
		},
		{
			name: "a list of names after a plural noun for people",
			text: "The show will feature singers such as Boy Kestrel and Elephant Vell. Def Jam signed artists including Run-DMC and Public Enemy.",
			want: []string{"Boy Kestrel", "Elephant Vell"},
		},
		{
			name: "European given names",
			text: "The crowd cheered as Jelena Kestrovic beat the defending champion. Radek Brantl lost.",
			want: []string{"Jelena Kestrovic", "Radek Brantl"},
		},
		{
			name: "a party's name before one word is no title",
			text: "Other winners included Green Wharf, voted best group, and Labour MP Jim Bell.",
			want: []string{"Jim Bell"},
		},
	}
	checkFacts(t, tests, func(f *extract.Facts) (rows []string) {
		for _, p := range f.Persons {
			rows = append(rows, p.Name)
		}
		return rows
	})
}

// textCase is a short text and the rows of one kind of fact wanted from it.
type textCase struct {
	name, text string
	want       []string
}

// checkFacts extracts each case's text and compares the rows that show
// makes of its facts with the case's want, in order.
func checkFacts(t *testing.T, cases []textCase, show func(*extract.Facts) []string) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(extractText(t, tt.name, tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// extractText extracts the facts of a one-text article.
func extractText(t *testing.T, name, text string) *extract.Facts {
	t.Helper()
	ex, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := ex.Extract(extract.Document{ID: name, Title: "Headline", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
