"""Tests for the temporal tagger: spans, TIMEX3 types and values, roles, bounds, anchors."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.annotate.timex import context_tense, shift_value, tag

FRI = date(2024, 9, 27)  # a Friday
SAT = date(2024, 9, 28)
AUG = date(2024, 8, 8)
JAN = date(2025, 1, 10)
HISTORY = "The siege began in 1683 and lasted into 1684. A new army came in 1685."
ANCIENT = "The league was founded in 360 BC. War came in 345 BC. The fleet was built in 340 BC."

# (sentence, dct, expression text, expected attributes)
CASES = [
    ("The mission ends in September 2025.", FRI, "September 2025", {"type": "DATE", "value": "2025-09"}),
    ("Talks opened on Sept. 23, 2024 in Baghdad.", None, "Sept. 23, 2024", {"value": "2024-09-23"}),
    ("The pact was signed on 10 January 2025.", None, "10 January 2025", {"value": "2025-01-10"}),
    ("The city fell in 2024.", FRI, "2024", {"type": "DATE", "value": "2024", "anchor": None}),
    ("Talks began in January, officials said.", FRI, "January", {"value": "2024-01", "anchor": "2024-09-27"}),
    ("The ministers will meet again in January.", FRI, "January", {"value": "2025-01"}),
    ("The army took power in a coup last September.", FRI, "last September", {"value": "2023-09"}),
    ("The army will hand back power next September.", FRI, "next September", {"value": "2025-09"}),
    ("The statement was issued on Friday.", SAT, "Friday", {"value": "2024-09-27", "role": "point"}),
    ("The envoys will meet on Friday.", SAT, "Friday", {"value": "2024-10-04"}),
    ("The statement was issued on Friday.", None, "Friday", {"value": "XXXX-WXX-5", "anchor": None}),
    ("Officials met last week.", FRI, "last week", {"value": "2024-W38"}),
    ("Negotiations began earlier this year.", FRI, "earlier this year", {"value": "2024"}),
    ("Ministers gather this week.", FRI, "this week", {"value": "2024-W39"}),
    ("The report came out today.", FRI, "today", {"value": "2024-09-27"}),
    ("The rockets hit the base yesterday.", FRI, "yesterday", {"value": "2024-09-26"}),
    ("Voting starts tomorrow.", FRI, "tomorrow", {"value": "2024-09-28"}),
    ("The rest will leave by the end of 2026.", FRI, "the end of 2026",
     {"value": "2026", "mod": "END", "role": "deadline", "upper": "2026"}),
    ("The phaseout will take place over the next 12 months.", FRI, "the next 12 months",
     {"type": "DURATION", "value": "P12M", "role": "duration", "anchor": "2024-09-27", "upper": "2025-09"}),
    ("The drawdown may last at least three years.", FRI, "at least three years",
     {"type": "DURATION", "value": "P3Y", "mod": "EQUAL_OR_MORE"}),
    ("The talks took nine months.", None, "nine months", {"type": "DURATION", "value": "P9M"}),
    ("They cooperated for a decade.", None, "a decade", {"type": "DURATION", "value": "P10Y"}),
    ("Violence has spread since the war began on October 7.", AUG, "October 7", {"value": "2023-10-07"}),
    ("Officials had said the pullout would be completed no later than Sept. 15.", date(2024, 7, 18), "Sept. 15",
     {"value": "2024-09-15", "role": "deadline"}),
    ("The deadline was set in a joint statement on May 19.", date(2024, 7, 18), "May 19", {"value": "2024-05-19"}),
    ("Violence has spread since the war began on October 7.", None, "October 7", {"value": "XXXX-10-07"}),
    ("Attacks rose in recent months.", FRI, "recent months", {"type": "DURATION", "value": "PXM"}),
    ("Troops are now on alert.", FRI, "now", {"value": "PRESENT_REF"}),
    ("About 900 soldiers currently serve there.", FRI, "currently", {"value": "PRESENT_REF"}),
    ("Much depends on the next few months.", FRI, "the next few months", {"type": "DURATION", "value": "PXM"}),
    ("The festival is held every year.", None, "every year", {"type": "SET", "value": "P1Y"}),
    ("The fair closes in 2024-W39.", None, "2024-W39", {"value": "2024-W39"}),
    ("Rents doubled in the 1990s.", None, "the 1990s", {"value": "199"}),
    ("A vote is expected in mid-2025.", None, "mid-2025", {"value": "2025", "mod": "MID"}),
    ("Iraq set a target date for September 2025.", None, "September 2025",
     {"role": "deadline", "upper": "2025-09"}),
    ("The units must be gone no later than September 2025.", None, "September 2025",
     {"role": "deadline", "upper": "2025-09"}),
    ("The base stays open until at least September 2026.", None, "September 2026",
     {"role": "end", "lower": "2026-09", "mod": "ON_OR_AFTER"}),
    # bounds: a date's mods are TimeML's point mods; a bound may follow the date
    ("The deal takes effect no sooner than 2026.", None, "2026", {"lower": "2026", "mod": "ON_OR_AFTER"}),
    ("Troops must leave no later than 2026.", None, "2026", {"role": "deadline", "upper": "2026"}),
    ("The base will close in 2027 at the earliest.", None, "2027", {"role": "point", "lower": "2027"}),
    ("The vote will be held by March at the latest.", FRI, "March",
     {"role": "deadline", "value": "2025-03", "upper": "2025-03"}),
    ("A referendum is likely in 2030 or later.", None, "2030", {"lower": "2030", "mod": "ON_OR_AFTER"}),
    ("The troops will not leave until 2027.", None, "2027", {"role": "point", "lower": "2027"}),
    ("The troops will leave, but not until 2027.", None, "2027", {"role": "point", "lower": "2027"}),
    ("The troops will stay until 2027.", None, "2027", {"role": "end", "lower": None}),
    # ranges: the first date starts the span, the second ends it and a weekday end comes after the start
    ("He served as minister from 2019 to 2021.", None, "2021", {"role": "end"}),
    ("He served as minister from 2019 to 2021.", None, "2019", {"role": "start"}),
    ("Between 2020 and 2022 prices doubled.", None, "2022", {"value": "2022", "role": "end"}),
    ("The talks run from Monday to Wednesday.", FRI, "Wednesday", {"value": "2024-10-02", "role": "end"}),
    ("He moved from Paris to Berlin in 2020.", None, "2020", {"role": "point"}),
    # durations from the publication day: "within" is a deadline, "in" a point, unless the text gives the anchor
    ("The base will close within 12 months.", FRI, "12 months",
     {"type": "DURATION", "value": "P12M", "role": "deadline", "anchor": "2024-09-27", "upper": "2025-09"}),
    ("Troops will leave within the next 12 months.", FRI, "the next 12 months",
     {"role": "deadline", "upper": "2025-09"}),
    ("The envoys will meet in two weeks.", FRI, "two weeks",
     {"role": "duration", "anchor": "2024-09-27", "lower": "2024-10-11", "upper": "2024-10-11"}),
    ("They must act within 30 days of the ruling.", FRI, "30 days", {"role": "duration", "anchor": None}),
    ("Within two years, the group had seized the city.", FRI, "two years", {"anchor": None, "upper": None}),
    ("He was jailed in 2020 and will be freed in three years.", FRI, "three years", {"anchor": None}),
    # numeric dates and fiscal years
    ("The law was passed on 12/03/2024.", None, "12/03/2024", {"value": "2024-12-03"}),
    ("The law was passed on 25/12/2024.", None, "25/12/2024", {"value": "2024-12-25"}),
    ("The law was passed on 03.12.2024.", None, "03.12.2024", {"value": "2024-12-03"}),
    ("Revenue for FY2026 rose.", None, "FY2026", {"value": "2026"}),
    ("Revenue for FY26 rose.", FRI, "FY26", {"value": "2026"}),
    # amounts and periods written as news writes them
    ("Aid has flowed for 1,000 days.", None, "1,000 days", {"type": "DURATION", "value": "P1000D"}),
    ("He served two-and-a-half years.", None, "two-and-a-half years", {"value": "P2Y6M"}),
    ("Talks were held this past weekend.", FRI, "this past weekend", {"value": "2024-W38-WE"}),
    ("Results are due by end-2025.", FRI, "end-2025", {"value": "2025", "mod": "END", "role": "deadline"}),
    ("Profit in H1 2026 rose.", None, "H1 2026", {"value": "2026-H1"}),
    ("Profit in 2025's third quarter rose.", FRI, "2025's third quarter", {"value": "2025-Q3"}),
    ("Emissions must fall this decade.", FRI, "this decade", {"value": "202"}),
    ("The plan runs until the end of the decade.", FRI, "the end of the decade",
     {"value": "202", "mod": "END", "role": "end"}),
    ("In 1962 the war began; that decade was violent.", FRI, "that decade", {"value": "196"}),
    # "May" the month is no modal verb: "died" puts the months in the past
    ("Between March and May, 300 people died.", FRI, "March", {"value": "2024-03", "role": "start"}),
    ("Flights resume from March 2025.", None, "March 2025", {"role": "start"}),
    ("The new rules apply starting September.", FRI, "September", {"role": "start"}),
    ("Troops have been deployed since 2014.", None, "2014", {"role": "start"}),
    ("The army plans to stay through 2027.", None, "2027", {"role": "end"}),
    ("The exit is to commence by September.", AUG, "September",
     {"role": "deadline", "value": "2024-09", "upper": "2024-09"}),
    ("The cease-fire must hold before May 2025, envoys will insist.", None, "May 2025", {"role": "deadline"}),
    ("Baghdad will delay the exit, originally scheduled for September 2025, by at least three years.", JAN,
     "at least three years", {"anchor": "2025-09", "lower": "2028-09", "role": "duration"}),
    ("Prices rose over the past two years.", FRI, "the past two years",
     {"type": "DURATION", "value": "P2Y", "lower": "2022-09"}),
    ("The treaty was signed two years ago.", FRI, "two years ago", {"value": "2022"}),
    ("Sales fell in the first quarter of 2024.", None, "the first quarter of 2024", {"value": "2024-Q1"}),
    ("The ministers met at 10 a.m.", FRI, "10 a.m.", {"type": "TIME", "value": "2024-09-27T10:00"}),
    ("The blast shook the city this morning.", FRI, "this morning", {"type": "TIME", "value": "2024-09-27TMO"}),
    ("The embassy published it on Tuesday, July 23, 2024.", None, "Tuesday, July 23, 2024",
     {"value": "2024-07-23"}),
    ("The page was stamped 2024-07-23T10:00:00Z.", None, "2024-07-23T10:00:00Z",
     {"type": "TIME", "value": "2024-07-23T10:00"}),
    ("Patrols run twice a week.", None, "twice a week", {"type": "SET", "value": "P1W"}),
    ("The force will grow in the coming months.", FRI, "the coming months", {"type": "DURATION", "value": "PXM"}),
    ("The deal was reached last summer.", FRI, "last summer", {"value": "2023-SU"}),
    ("Inflation peaked in the 20th century.", None, "the 20th century", {"value": "19"}),
    ("It has lasted for years.", None, "years", {"type": "DURATION", "value": "PXY"}),
    # narrative time: anchored on the last date mentioned, at its precision
    ("Profit rose in the third quarter of 1989, from a loss a year earlier.", FRI, "a year earlier",
     {"value": "1988-Q3"}),
    ("The dam opened on 4 May 1931. Two weeks later it flooded.", FRI, "Two weeks later", {"value": "1931-05-18"}),
    ("The company was founded in 1987. The following year it listed.", FRI, "The following year",
     {"value": "1988"}),
    # a history (most explicit years far from dct): bare months take the year the text is at
    (HISTORY + " In May the walls fell.", FRI, "May", {"value": "1685-05"}),
    (HISTORY + " By late May the walls fell.", FRI, "late May", {"value": "1685-05", "mod": "END"}),
    ("Sales grew in the fourth quarter of 2023, and the quarter set a record.", FRI, "the quarter",
     {"value": "2023-Q4"}),
    ("Revenue fell in the second quarter of 2024 from the year-earlier quarter.", FRI, "the year-earlier quarter",
     {"value": "2023-Q2"}),
    ("Third-quarter profit of 2024 doubled from a year ago.", FRI, "a year ago", {"value": "2023-Q3"}),
    ("Profit doubled from a year ago.", FRI, "a year ago", {"value": "2023"}),
    ("The truce broke down within days. A few days later, talks resumed.", FRI, "A few days later",
     {"value": "FUTURE_REF"}),
    ("The shrine was built several years ago.", FRI, "several years ago", {"value": "PAST_REF"}),
    ("The army landed on 8 June 1944. The next day it moved inland.", FRI, "The next day", {"value": "1944-06-09"}),
    ("Western Theater 1861-1863", FRI, "1863", {"value": "1863"}),
    # news time stays on dct when the text stays near it
    ("Ministers met in 2023. In March they will meet again.", FRI, "March", {"value": "2025-03"}),
    # case, same-day weekdays, nearest month-day without a tense cue
    ("Last week the envoy left.", FRI, "Last week", {"value": "2024-W38"}),
    ("Yesterday the border reopened.", FRI, "Yesterday", {"value": "2024-09-26"}),
    ("The summit was on friday.", SAT, "friday", {"value": "2024-09-27"}),
    ("The summit is on friday.", SAT, "friday", {"value": "2024-10-04"}),
    ("Markets, Friday: shares slid.", FRI, "Friday", {"value": "2024-09-27"}),
    ("The hearing, Oct. 3, is public.", FRI, "Oct. 3", {"value": "2024-10-03"}),
    # holidays, weekends, clock times on a day, spoken years
    ("Shops will close on Christmas Day.", FRI, "Christmas Day", {"value": "2024-12-25"}),
    ("Families gathered at Easter 2024.", None, "Easter 2024", {"value": "2024-03-31"}),
    ("Turkeys sold out before Thanksgiving 2023.", None, "Thanksgiving 2023", {"value": "2023-11-23"}),
    ("Crowds marched over the weekend.", FRI, "the weekend", {"value": "2024-W38-WE"}),
    ("Polls close at 10 p.m. Wednesday.", FRI, "10 p.m. Wednesday", {"type": "TIME", "value": "2024-09-25T22:00"}),
    ("The law dates from nineteen ninety-six.", None, "nineteen ninety-six", {"value": "1996"}),
    # finance durations stay durations (TimeML tags "6-year notes" as P6Y)
    ("The bank sold 6-year notes.", FRI, "6-year", {"type": "DURATION", "value": "P6Y"}),
    # fractions and compound numbers in durations
    ("The trial took 2 1/2 years.", None, "2 1/2 years", {"type": "DURATION", "value": "P2Y6M"}),
    ("The alarm rang for a minute and a half.", None, "a minute and a half", {"value": "PT1M30S"}),
    ("Voters queued for half an hour.", None, "half an hour", {"value": "PT30M"}),
    ("No rain fell in the last twenty four hours.", FRI, "the last twenty four hours", {"value": "PT24H"}),
    # ranges: both ends are dates; eras before year 1
    ("The strike ran through 1915-17, unions said.", None, "17", {"value": "1917"}),
    ("Fighting raged on 22-25 April 1951 near the river.", None, "22", {"value": "1951-04-22"}),
    ("The fair was open May 4 and 5, organisers said.", AUG, "5", {"value": "2024-05-05"}),
    ("The city was founded in 490 BC by traders.", None, "490 BC", {"value": "BC0490"}),
    ("Bronze reached the coast in the 9th century BC.", None, "the 9th century BC", {"value": "BC08"}),
    ("The relief force landed on the morning of 6 June 1944.", None, "the morning of 6 June 1944",
     {"type": "TIME", "value": "1944-06-06TMO"}),
    # a comparison with a year-earlier period does not move the quarter being reported
    ("Profit rose in the third quarter of 1999 from a year ago. In the year-earlier period it fell. "
     "Sales in the latest quarter rose.", FRI, "the latest quarter", {"value": "1999-Q3"}),
    # participles used as adjectives or after "be" are not past tense
    ("The increased dividend will be paid Dec. 14.", date(1999, 10, 21), "Dec. 14", {"value": "1999-12-14"}),
    ("A bonus would be paid on a still unspecified date in January.", date(1999, 10, 21), "January",
     {"value": "2000-01"}),
    # bare seasons, but not the verb
    ("Crops failed that winter and again in spring.", FRI, "spring", {"value": "2024-SP"}),
    # BC dates anchor a narrative like any other: months, seasons, shifts count in BC years
    (ANCIENT + " In the spring the fleet sailed.", FRI, "the spring", {"value": "BC0340-SP"}),
    (ANCIENT + " Three years later the walls fell.", FRI, "Three years later", {"value": "BC0337"}),
    (ANCIENT + " The following year the king died.", FRI, "The following year", {"value": "BC0339"}),
    ("The harvest failed in July 212 BC, chroniclers say.", None, "July 212 BC", {"value": "BC0212-07"}),
    ("The grain ran out in the autumn of 212 BC.", None, "the autumn of 212 BC", {"value": "BC0212-FA"}),
    # the era written once after a range covers both years
    ("The siege (214-212 BC) ended in famine.", None, "214", {"value": "BC0214"}),
    ("Peace held from 241 to 218 BC, at a price.", None, "241", {"value": "BC0241"}),
    # the winter after an autumn month takes the next year's name
    (HISTORY + " The army left on 3 October 1685. In the winter it starved.", FRI, "the winter", {"value": "1686-WI"}),
    (HISTORY + " The army left on 3 March 1685. In the winter it starved.", FRI, "the winter", {"value": "1685-WI"}),
    # dividends are "payable", rules "effective", on a date still ahead
    ("The board declared a dividend, payable Dec. 9 to holders.", date(1999, 10, 21), "Dec. 9",
     {"value": "1999-12-09"}),
    ("The firm named a new chief, effective Feb. 1.", date(1999, 10, 21), "Feb. 1", {"value": "2000-02-01"}),
    # a year with the quarter being reported; a quarter ahead of dct in the past tense is last year's
    ("Profit rose in the third quarter. In the 1998 quarter it fell.", date(1999, 10, 21), "the 1998 quarter",
     {"value": "1998-Q3"}),
    ("Profit rose in the second quarter, unlike last year's period.", date(1999, 10, 21), "last year's period",
     {"value": "1998-Q2"}),
    ("Without a quarter named, the 1998 period is a year.", date(1999, 10, 21), "the 1998 period", {"value": "1998"}),
    ("Sales in this year's third quarter rose.", date(1999, 10, 21), "this year's third quarter",
     {"value": "1999-Q3"}),
    ("A loss in the 1998 second quarter hurt.", date(1999, 10, 21), "the 1998 second quarter", {"value": "1998-Q2"}),
    ("The carrier reported a loss for the fourth quarter.", date(1999, 1, 21), "the fourth quarter",
     {"value": "1998-Q4"}),
    ("The carrier expects a loss for the fourth quarter.", date(1999, 10, 21), "the fourth quarter",
     {"value": "1999-Q4"}),
    # a company's year: "the year ended March 31" is twelve months; "for the year" is this year
    ("Revenue was $4 million for the year ended March 31.", date(1999, 10, 21), "the year",
     {"type": "DURATION", "value": "P1Y"}),
    ("For the year, volume was flat.", date(1999, 10, 21), "the year", {"value": "1999"}),
    ("Profit will fall in the fiscal year, it said.", date(1999, 10, 21), "the fiscal year", {"value": "1999"}),
    ("Profit rose in the third quarter of 1999. Sales in the latest period grew.", FRI, "the latest period",
     {"value": "1999-Q3"}),
    # a bare weekday takes the tensed verb's direction, not an infinitive's ("is to" + verb is a plan)
    ("Two bidders extended their offers to buy the brewer Friday.", date(1999, 11, 1), "Friday",
     {"value": "1999-10-29"}),
    ("The exchange is to reopen Tuesday, traders said.", date(1999, 10, 29), "Tuesday", {"value": "1999-11-02"}),
    # a bare month with no tense is the nearest one; a future cue looks ahead only half a year
    ("The flats, worth more in October, sell for less now.", date(1998, 1, 8), "October", {"value": "1997-10"}),
    ("In September, the group announced plans to buy a rival.", date(1999, 10, 30), "September",
     {"value": "1999-09"}),
    ("The ministers will meet again in January.", date(1999, 10, 30), "January", {"value": "2000-01"}),
    # a capitalised month name needs no preposition
    ("Sales for October rose 4%.", date(1999, 11, 15), "October", {"value": "1999-10"}),
    # eras written without the final stop, decades BC, spelled-out centuries, "N more years"
    ("Rome fought from 149 B.C to 146 B.C, chroniclers say.", None, "149 B.C", {"value": "BC0149"}),
    ("Trade grew in the 470s BC, they say.", None, "the 470s BC", {"value": "BC047"}),
    ("Steam power spread in the nineteenth century.", None, "the nineteenth century", {"value": "18"}),
    ("The lease runs for at least 20 more years.", None, "at least 20 more years",
     {"type": "DURATION", "value": "P20Y"}),
    # "several quarters of" is time, not a fraction
    ("The fund lost money for several quarters of the decade.", None, "several quarters",
     {"type": "DURATION", "value": "PXQ"}),
    # a reporting verb does not set the tense of a reported clause with a present verb of its own
    ("The lender said it is redeeming the notes on Dec. 7 at par.", date(1999, 10, 30), "Dec. 7",
     {"value": "1999-12-07"}),
    ("The lender said it redeemed the notes on Dec. 7 at par.", date(1999, 10, 30), "Dec. 7",
     {"value": "1998-12-07"}),
    # a plan stated in the past has gone by
    ("The offer had been due to lapse Friday night.", date(1999, 11, 1), "Friday night",
     {"value": "1999-10-29TNI"}),
    ("The offer is due to lapse Friday night.", date(1999, 11, 1), "Friday night", {"value": "1999-11-05TNI"}),
    # a holiday a few days ahead is this year's, even after a past verb
    ("We finally bought the tree for Christmas.", date(2013, 12, 20), "Christmas", {"value": "2013-12-25"}),
    # an aside years away from the narrative does not anchor what follows when the story returns
    ("The siege began in June 1702. A memoir (published in 1750) praised the gunners. The town fell in"
     " late August. The peace of 1703 ended it.", FRI, "late August", {"value": "1702-08", "mod": "END"}),
    ("The siege began in June 1702. The war ended in 1710. The town fell in late August. A truce came in"
     " 1711.", FRI, "late August", {"value": "1710-08"}),
    # register: in a history, deictic words belong to the story, not to the day of publication
    (HISTORY + " 'We sail tomorrow,' the admiral wrote.", FRI, "tomorrow", {"value": "XXXX-XX-XX"}),
    (HISTORY + " The council met on Friday.", FRI, "Friday", {"value": "XXXX-WXX-5"}),
    (HISTORY + " 'Two years ago we had bread,' a soldier wrote.", FRI, "Two years ago", {"value": "XXXX"}),
    # ... and a span counted in days from a year gives only that year
    (HISTORY + " Four days later the walls were breached.", FRI, "Four days later", {"value": "1685-XX-XX"}),
    ("The talks collapsed. Four days later the envoy returned.", FRI, "Four days later", {"value": "2024-10-01"}),
    # "the past year" is last year in news, a year's span in a history or after "for"
    ("Prices rose sharply in the past year, the bank said.", FRI, "the past year", {"value": "2023"}),
    ("Wages lagged prices over the last decade.", FRI, "the last decade", {"value": "201"}),
    ("The envoy has lived in exile for the past year.", FRI, "the past year", {"type": "DURATION", "value": "P1Y"}),
    (HISTORY + " In the past year the garrison had shrunk.", FRI, "the past year",
     {"type": "DURATION", "value": "P1Y"}),
    # a history moves on: "the next year", "the next spring" follow the year the story is at
    (HISTORY + " The next year the envoys returned.", FRI, "The next year", {"value": "1686"}),
    (HISTORY + " The army wintered there. The next spring it marched.", FRI, "The next spring", {"value": "1686-SP"}),
    ("Rates will stay low for the next year.", FRI, "the next year", {"type": "DURATION", "value": "P1Y"}),
    ("The army will march again next spring, officials said.", FRI, "next spring", {"value": "2025-SP"}),
    # a text about years ahead (a forecast) or full of reported speech is news, whatever its years
    ("The plant will open in 2030. Output doubles by 2033 and peaks in 2036. The board approved it on"
     " Friday.", SAT, "Friday", {"value": "2024-09-27"}),
    ("The fort was built in 1683, the guide said. It burned in 1701, she said, and was rebuilt in 1750, she"
     " added. It reopened on Friday, the curator said.", SAT, "Friday", {"value": "2024-09-27"}),
    # round 7: "the latest quarter" is the last one reported, not the one running on the last day mentioned
    ("Shares slipped on Friday. Margins widened in the latest quarter.", date(2023, 11, 3), "the latest quarter",
     {"value": "2023-Q3"}),
    ("Output fell on Oct. 20. In the latest fiscal year, it grew.", date(2023, 10, 25), "the latest fiscal year",
     {"value": "2022"}),
    # a quarter still running and spoken of ahead is a forecast: it does not become the quarter reported
    ("The miner posted third-quarter gains. It expects fourth-quarter costs to rise. Debt fell in the latest"
     " quarter, and was higher a year ago.", date(2023, 11, 3), "a year ago", {"value": "2022-Q3"}),
    # "year-ago" with no period after it compares with the quarter reported, like "the year-ago quarter"
    ("The bank lost money in the third quarter. Last year it earned $4 million. The year-ago results were"
     " restated.", date(2023, 11, 3),
     "The year-ago", {"value": "2022-Q3"}),
    # a year read out in a broadcast belongs to the month or season before it
    ("The ship sank in March nineteen eighty-seven.", FRI, "March nineteen eighty-seven", {"value": "1987-03"}),
    ("It was the winter of nineteen seventy-two.", FRI, "the winter of nineteen seventy-two", {"value": "1972-WI"}),
    # "each July", "every winter", "Sunday mornings": they recur
    ("The fair opens each July.", FRI, "each July", {"type": "SET", "value": "XXXX-07"}),
    ("Storms close the pass every winter.", FRI, "every winter", {"type": "SET", "value": "XXXX-WI"}),
    ("The ferry sails on Sundays.", FRI, "Sundays", {"type": "SET", "value": "XXXX-WXX-7"}),
    ("The choir rehearses Thursday evenings.", FRI, "Thursday evenings", {"type": "SET", "value": "XXXX-WXX-4TEV"}),
    ("The mayor resigned a month or so ago.", FRI, "a month or so ago", {"value": "2024-08"}),
    # "this past spring" is the last spring over by dct: this year's once it has ended
    ("The plant closed this past spring.", date(2023, 10, 30), "this past spring", {"value": "2023-SP"}),
    ("The plant closed this past summer.", date(2023, 7, 10), "this past summer", {"value": "2022-SU"}),
    ("Shares rose for six trading days.", FRI, "six trading days", {"type": "DURATION", "value": "P6D"}),
    ("Rates may ease in the near term.", FRI, "the near term", {"value": "FUTURE_REF"}),
    ("Sales will beat fiscal 2023 sales.", FRI, "fiscal 2023", {"value": "2023"}),
    # decades by name or two digits: the latest such decade begun by dct
    ("Rents doubled in the nineties.", FRI, "the nineties", {"value": "199"}),
    ("Growth slowed in the late '80s.", FRI, "the late '80s", {"value": "198", "mod": "END"}),
    ("The island boomed in the twenties.", date(1998, 5, 1), "the twenties", {"value": "192"}),
    ("Margins were thin in the latest period.", FRI, "the latest period", {"value": "2024-Q2"}),
    # a part of the day with a modifier, alone or on a named day
    ("By mid afternoon the ferry had left.", FRI, "mid afternoon", {"type": "TIME", "value": "2024-09-27TAF"}),
    ("Shares rose at mid-afternoon yesterday.", FRI, "mid-afternoon yesterday", {"value": "2024-09-26TAF"}),
    ("The last boats left in the early morning hours of 30 April 1975.", FRI,
     "the early morning hours of 30 April 1975", {"type": "TIME", "value": "1975-04-30TMO"}),
    # "the previous Friday" counts from the day the text is at, not from dct
    ("Shares fell Friday, down 3% from the previous Friday.", date(2024, 9, 30), "the previous Friday",
     {"value": "2024-09-20"}),
    ("The truce began on Oct. 3 and the following Monday talks opened.", FRI, "the following Monday",
     {"value": "2024-10-07"}),
    ("The lease may run for an additional year.", FRI, "an additional year", {"type": "DURATION", "value": "P1Y"}),
    ("Lenders may sell in the weeks ahead.", FRI, "the weeks ahead", {"type": "DURATION", "value": "PXW"}),
    ("Profit rose in the third quarter. For the quarter a year ago, it lost money.", date(2023, 10, 30),
     "the quarter a year ago", {"value": "2022-Q3"}),
    ("The light flickered for a second or two.", FRI, "a second", {"type": "DURATION", "value": "PT1S"}),
    # "later in the year" reads as "later that year": the year the text is at
    ("Spraying was delayed earlier in the year by rain.", FRI, "earlier in the year", {"value": "2024"}),
    ("The army left Nanjing in 1946. Later in the year, talks failed.", FRI, "Later in the year", {"value": "1946"}),
    # an age after "be" is a duration; "now" inside a sentence is the present; a year of autumn stays a season
    ("Most recruits were 19 years old.", FRI, "19 years", {"type": "DURATION", "value": "P19Y"}),
    ("She's 10 days old and already loud.", FRI, "10 days", {"value": "P10D"}),
    ("Rebels now hold the port.", FRI, "now", {"value": "PRESENT_REF"}),
    ("Troops arrived in the fall of 1950.", FRI, "the fall of 1950", {"value": "1950-FA"}),
    ("A rally is planned for #7pm tonight.", FRI, "7pm", {"type": "TIME"}),
    ("Rent costs $900 a month, paid within a month of signing.", FRI, "a month", {"type": "DURATION", "value": "P1M"}),
    # a past promise dates the promise when the date stands next to it or before it; further on, what was promised
    ("In March the government promised to withdraw all troops.", JAN, "March", {"value": "2024-03"}),
    ("The minister pledged on Monday to resign.", JAN, "Monday", {"value": "2025-01-06"}),
    ("On Tuesday the rebels vowed to fight on.", JAN, "Tuesday", {"value": "2025-01-07"}),
    ("The junta promised elections in March.", JAN, "March", {"value": "2025-03"}),
    # news states a timetable in the present tense
    ("He and the envoy meet separately Monday in Cairo.", JAN, "Monday", {"value": "2025-01-13"}),
    ("The committee votes Wednesday on the bill.", JAN, "Wednesday", {"value": "2025-01-15"}),
    ("The deadline is Friday, Jan. 17.", JAN, "Friday, Jan. 17", {"value": "2025-01-17"}),
    ("The deadline is Tuesday.", JAN, "Tuesday", {"value": "2025-01-14"}),
    ("The two sides did not meet Tuesday.", JAN, "Tuesday", {"value": "2025-01-07"}),
    ("During a visit Tuesday to the border, he spoke to troops.", JAN, "Tuesday", {"value": "2025-01-07"}),
    ("The bid had been due to expire Friday evening.", date(2025, 1, 13), "Friday evening",
     {"value": "2025-01-10TEV"}),
    # "the Tuesday deadline" names a deadline; the clause's verb says whether it has passed
    ("Holders tendered 99% of the shares by the Tuesday deadline.", JAN, "Tuesday", {"value": "2025-01-07"}),
    ("Talks go on ahead of the Tuesday deadline.", JAN, "Tuesday", {"value": "2025-01-14"}),
    ("The talks, planned for March, were called off.", JAN, "March", {"value": "2025-03"}),
    # a date that ends the subject of a reported clause takes that clause's verb; one next to "said" is the saying's
    ("The firm said profit for the quarter ending June 30 would fall.", date(2025, 3, 12), "June 30",
     {"value": "2025-06-30"}),
    ("He told reporters on Monday he will resign.", JAN, "Monday", {"value": "2025-01-06"}),
    # a bare season takes the year the tense points to; a winter spans two years and stays with dct's
    ("He stepped down in the autumn.", date(2025, 3, 12), "the autumn", {"value": "2024-FA"}),
    ("He will step down in the autumn.", date(2025, 3, 12), "the autumn", {"value": "2025-FA"}),
    ("The offensive will begin in the spring.", date(2025, 10, 2), "the spring", {"value": "2026-SP"}),
    ("Sales slowed well into the summer.", date(2025, 10, 2), "the summer", {"value": "2025-SU"}),
    # year-end is the year's last day: this year's ahead, the last one gone by after "since" or a past verb
    ("The bank aims to finish the review by year-end.", date(2025, 3, 12), "year-end",
     {"value": "2025-12-31", "role": "deadline"}),
    ("Shares are up 5% since year-end.", date(2025, 3, 12), "year-end", {"value": "2024-12-31", "role": "start"}),
    ("The deal should close by month end.", date(2025, 3, 12), "month end", {"value": "2025-03-31"}),
    # "on the 15th": a day of the month the text is in, or of the month last mentioned
    ("Ministers will meet on the 15th.", date(2025, 3, 12), "the 15th", {"value": "2025-03-15"}),
    ("Ministers met on the 15th.", date(2025, 3, 12), "the 15th", {"value": "2025-02-15"}),
    ("On Feb. 3, 1920, troops entered the city. On the 5th the army left.", date(2025, 3, 12), "the 5th",
     {"value": "1920-02-05"}),
    ("Mao moved the launch from the 13th to the 19th of October 1950.", date(2025, 3, 12), "13",
     {"value": "1950-10-13"}),
    ("The ministry said Tuesday the talks would resume.", JAN, "Tuesday", {"value": "2025-01-07"}),
    # wire copy's 24-hour clock with its zone; "early"/"late" before a weekday
    ("The blast came at 1245 GMT on Monday.", JAN, "1245 GMT on Monday", {"type": "TIME", "value": "2025-01-06T12:45"}),
    ("Trading halted at 1845 GMT.", JAN, "1845 GMT", {"type": "TIME", "value": "2025-01-10T18:45"}),
    ("He served 1200 hours of community service.", JAN, "1200 hours", {"type": "DURATION", "value": "PT1200H"}),
    ("The quake struck early Monday.", JAN, "early Monday", {"value": "2025-01-06", "mod": "START"}),
    ("Rebels attacked in the early hours of Tuesday.", JAN, "the early hours of Tuesday",
     {"value": "2025-01-07", "mod": "START"}),
    ("Talks resume late Tuesday.", JAN, "late Tuesday", {"value": "2025-01-14", "mod": "END"}),
    # under a day ago or later: a moment of that day, its clock time unknown
    ("The page was updated 12 minutes ago.", JAN, "12 minutes ago", {"type": "TIME", "value": "2025-01-10"}),
    ("Police said five hours ago that the road was shut.", JAN, "five hours ago",
     {"type": "TIME", "value": "2025-01-10"}),
    ("The rebels crossed on 3 March 1951. Hours later the city fell.", JAN, "Hours later",
     {"type": "TIME", "value": "1951-03-03"}),
    ("The quake hit on Monday. Two hours later a second one struck.", JAN, "Two hours later",
     {"type": "TIME", "value": "2025-01-06"}),
    # a firm plan reaches a year ahead for a date after a preposition; a bare future cue half a year
    ("The vote will take place on November 3rd.", date(2020, 4, 10), "November 3rd", {"value": "2020-11-03"}),
    ("The firm plans to open the plant on October 20.", date(2020, 4, 10), "October 20", {"value": "2020-10-20"}),
    ("The ministry will reopen schools in March.", date(2020, 4, 10), "March", {"value": "2021-03"}),
    ("The company will appeal the October 20 ruling.", date(2020, 4, 10), "October 20", {"value": "2019-10-20"}),
    # a yearless start of a range takes the year of its end
    ("Exports rose from March to May 2019.", date(2020, 4, 10), "March", {"value": "2019-03"}),
    ("The freeze lasted from December to February 2021.", date(2021, 6, 1), "December", {"value": "2020-12"}),
    ("The fair runs between May 2 and May 5, 2022.", date(2020, 4, 10), "May 2", {"value": "2022-05-02"}),
    # "the first week of May": the ISO week holding May 4th; the last week holds the month's last day but three
    ("Schools will reopen in the first week of May.", date(2020, 4, 10), "the first week of May",
     {"value": "2020-W19"}),
    ("Prices peaked in the last week of June 2019.", JAN, "the last week of June 2019", {"value": "2019-W26"}),
    # bare plural units: a vague duration after "within"/"after"/"over"; a vague date with "ago" or "later"
    ("Troops could be deployed within weeks.", JAN, "weeks", {"type": "DURATION", "value": "PXW"}),
    ("The deal came after months of talks.", JAN, "months", {"type": "DURATION", "value": "PXM"}),
    ("The plant closed months ago.", JAN, "months ago", {"type": "DATE", "value": "PAST_REF"}),
    ("The army crossed the river. Days later the city fell.", JAN, "Days later", {"value": "FUTURE_REF"}),
    # a clock time keeps "about"/"around" (mod APPROX), its seconds and a zone written after it
    ("The blast came at about 9:30 a.m.", JAN, "about 9:30 a.m.",
     {"type": "TIME", "value": "2025-01-10T09:30", "mod": "APPROX"}),
    ("Updated Oct 02, 2020, 19:02:47 IST", JAN, "Oct 02, 2020, 19:02:47 IST", {"value": "2020-10-02T19:02:47"}),
    ("Polls closed at 7:15 p.m. EST.", JAN, "7:15 p.m. EST", {"value": "2025-01-10T19:15"}),
    # "the next quarter" as "next quarter"; "the next morning", "that night": a part of the day counted from the last
    ("Sales should rise in the next quarter.", JAN, "the next quarter", {"value": "2025-Q2"}),
    ("Rebels crossed on 3 March 1951. The next morning the city fell.", JAN, "The next morning",
     {"type": "TIME", "value": "1951-03-04TMO"}),
    ("Rebels crossed on 3 March 1951. That night the city fell.", JAN, "That night",
     {"type": "TIME", "value": "1951-03-03TNI"}),
    ("Stocks in Asia fell overnight.", JAN, "overnight", {"type": "TIME", "value": "2025-01-09TNI"}),
    # a span of time as an adjective
    ("After a year-long inquiry the report came out.", JAN, "year-long", {"type": "DURATION", "value": "P1Y"}),
    ("The decades-long feud ended.", JAN, "decades-long", {"type": "DURATION", "value": "PXDE"}),
    ("A years-old slump in tourism ended.", JAN, "years-old", {"type": "DURATION", "value": "PXY"}),
    ("A multi-year plan was agreed.", JAN, "multi-year", {"type": "DURATION", "value": "PXY"}),
    # the US Election Day, only with capitals
    ("Voters will go to the polls on Election Day.", date(2020, 4, 10), "Election Day", {"value": "2020-11-03"}),
    ("Voters were turned away on Election Day.", date(2016, 11, 20), "Election Day", {"value": "2016-11-08"}),
    # a weekday's direction: "next to" is a place, a fronted "Until" or a long subject leaves it to the main
    # verb, a plan told in the past progressive is still ahead, a tensed verb outranks an infinitive
    ("A blast tore through a shop next to the embassy on Friday.", SAT, "Friday", {"value": "2024-09-27"}),
    ("Until Thursday, the police had not named him a suspect.", FRI, "Thursday", {"value": "2024-09-26"}),
    ("Farmers were planning to drive their tractors to the airport on Monday.", FRI, "Monday",
     {"value": "2024-09-30"}),
    ("On Tuesday, the national league of women voters of the state plans to hold a rally.", FRI, "Tuesday",
     {"value": "2024-10-01"}),
    ("The government staged a string of parades to mark its entry into the alliance on Friday.", SAT, "Friday",
     {"value": "2024-09-27"}),
    # "last" before a month and day; "to" before a noun ("shot to death") is no infinitive
    ("The doctor was shot last Oct. 23 at his home.", date(1999, 4, 19), "last Oct. 23", {"value": "1998-10-23"}),
    ("The doctor was shot to death on Oct. 23 in his kitchen.", date(1999, 5, 5), "Oct. 23",
     {"value": "1998-10-23"}),
    # "the March accession" names the month; "that same day" is the day last mentioned; "post-1959" a year
    ("The March accession lets them sign the summit papers.", date(1999, 2, 10), "March", {"value": "1999-03"}),
    ("Police came on Oct. 12. That same day, the boy left.", JAN, "That same day", {"value": "2024-10-12"}),
    ("But post-1959 politics split many families.", JAN, "1959", {"value": "1959"}),
    # a present passive is present: the participle is no past tense
    ("The lawyers say they are ready when the case is heard in May.", date(2000, 3, 29), "May",
     {"value": "2000-05"}),
    # clock times said in words
    ("The judge will sit at midday.", FRI, "midday", {"type": "TIME", "value": "2024-09-27T12:00"}),
    ("Shots rang out at 10 at night.", FRI, "10 at night", {"type": "TIME", "value": "2024-09-27T22:00"}),
    ("The convoy left at 4 in the morning.", FRI, "4 in the morning", {"value": "2024-09-27T04:00"}),
    ("The vote is on Jan 5.", FRI, "Jan 5", {"value": "2025-01-05"}),
    # a sentence does not end at "a.m." before a zone, nor at "U.S." before a name
    ("The court extended its deadline until 9 a.m. EST Tuesday.", FRI, "9 a.m. EST Tuesday",
     {"value": "2024-10-01T09:00"}),
    ("Aides had been talking about the slated visit of U.S. Trade Secretary Ann Lee in October.", AUG, "October",
     {"value": "2024-10"}),
]


@pytest.mark.parametrize(("sentence", "dct", "expression", "expected"), CASES,
                         ids=[f"{c[2]}|{c[0][:30]}" for c in CASES])
def test_expression(sentence, dct, expression, expected):
    found = {t.text: t for t in tag(sentence, dct)}
    assert expression in found, f"{expression!r} not found in {sorted(found)}"
    timex = found[expression]
    got = {key: getattr(timex, key) for key in expected}
    assert got == expected


NOT_TIMEXES = [
    ("Queues were long on election day in Lagos.", "election day"),
    ("Prices fall after days when trading is thin.", "days"),
    ("Banks raised overnight rates.", "overnight"),
    ("Almost 2,500 US troops remain, with 900 more in Syria.", "2,500"),
    ("Some 2000 soldiers arrived.", "2000"),
    ("The year-end bonus was cut.", "year-end"),
    ("The office is on the 15th floor.", "15th"),
    ("Delegates met at the 20th Party Congress.", "20th"),
    ("Officials may decide soon.", "may"),
    ("Protesters march on the capital.", "march"),
    ("The group talked to reporters.", "to"),
    ("New shoots spring up after rain.", "spring"),
    ("The company MindSpring grew.", "Spring"),
    ("On May 4 and 5 people were hurt.", "5"),
    ("Then June Carter sang.", "June"),
    ("Foreign minister Jan Kavan signed the accord.", "Jan"),
    ("They joined the March on Rome.", "March"),
    ("After the March ended, they left.", "March"),
    # "quarterly" naming a kind of payment or result; fractions of a whole
    ("The firm raised its quarterly dividend by a cent.", "quarterly"),
    ("Farms supply about three-quarters of its grain.", "three-quarters"),
    ("Banks own more than a quarter of the bonds.", "quarter"),
    # "second" as an ordinal; a comparison of periods is no period
    ("A second group of rebels crossed the river.", "second"),
    ("The quarter-to-quarter comparison improved.", "quarter"),
    # ages describing a person or group, an opening "Now,", the open-ended foreseeable future
    ("The new chief, 61 years old, joins in spring.", "61 years"),
    ("Staff 50 years old or older may retire early.", "50 years"),
    ("The 8-month-old calf was sold.", "8-month"),
    ("A six-year-old boy was rescued at sea.", "six-year"),
    ("The century-old bridge fell.", "century"),
    ("Talks stalled. Now, the envoy says, a deal is close.", "Now"),
    ("Rates will stay low for the foreseeable future.", "future"),
    # the collapse of a place, hashtags and names with a year glued on
    ("Looting followed the fall of the capital.", "fall"),
    ("After the fall of Kabul, the embassy closed.", "fall"),
    ("Happy #Sunday everyone", "Sunday"),
    ("Tickets for EXPO2031 are on sale.", "2031"),
    # a rate of money per period
    ("The plan saves $40 million a year in fuel.", "a year"),
]


@pytest.mark.parametrize(("sentence", "fragment"), NOT_TIMEXES, ids=[c[1] for c in NOT_TIMEXES])
def test_not_a_time_expression(sentence, fragment):
    assert all(fragment not in t.text for t in tag(sentence, FRI))


SPAN_TEXTS = [
    "In September 2024, the allies agreed a plan. Troops left on Friday and will return by 2026.",
    "Over the next 12 months, concluding no later than September 2025, the force shrinks.",
    "From 2014 to 2017 the war raged; since then, every year, talks resume in the spring.",
]


@pytest.mark.parametrize("text", SPAN_TEXTS, ids=["mixed", "composed", "ranges"])
def test_offsets_match_text_and_do_not_overlap(text):
    found = tag(text, FRI)
    assert found
    for timex in found:
        assert text[timex.start:timex.end] == timex.text
    for first, second in zip(found, found[1:]):
        assert first.end <= second.start


TENSES = [
    ("The ministry announced on Thursday that talks stalled.", "Thursday", "past"),
    ("The envoys will meet on Thursday.", "Thursday", "future"),
    ("The plan is to finish by September.", "September", "future"),
    ("Shares hit a record set on Aug. 6.", "Aug. 6", "past"),
    ("The vote is set for Aug. 6.", "Aug. 6", "future"),
    ("Dividends are payable Dec. 1.", "Dec. 1", "future"),
    # a present progressive with a date is an arrangement ahead ("we're meeting on Saturday")
    ("The bank said it is calling the bonds on Dec. 1.", "Dec. 1", "future"),
    ("The bank said it was calling the bonds on Dec. 1.", "Dec. 1", "past"),
    ("The sale was scheduled for Dec. 1.", "Dec. 1", "past"),
    ("Worry may have been behind the fall on Dec. 1.", "Dec. 1", "past"),
    ("In March the government promised to withdraw.", "March", "past"),
    ("The leaders meet Monday.", "Monday", "future"),
    # no cue near the date: the verb further back in the clause decides
    ("The envoy will travel to the region, meeting the leaders of both factions and the heads of the three "
     "neighbouring states at a summit in the capital on Aug. 6.", "Aug. 6", "future"),
    # ... unless it is a reporting verb: that says when it was told, not when the cut comes
    ("The ministry told foreign oil firms and the three largest domestic refiners of a sharp cut in the crude "
     "supply of the state company in September.", "September", None),
]


@pytest.mark.parametrize(("sentence", "expression", "tense"), TENSES, ids=[f"{c[2]}-{c[0][:12]}" for c in TENSES])
def test_context_tense(sentence, expression, tense):
    start = sentence.index(expression)
    assert context_tense(sentence, start, start + len(expression)) == tense


# (sentence, genre, expression, value or None when the genre leaves it untagged); dct FRI
GENRE_CASES = [
    ("The treaty sought to prevent future wars.", "news", "future", "FUTURE_REF"),
    ("Nobody can say what the future holds.", "news", "the future", "FUTURE_REF"),
    ("The court publishes its rulings daily.", "news", "daily", "P1D"),
    # "quarterly" as an adverb recurs; before a noun it names a kind of result
    ("Interest is paid quarterly and reset yearly.", "news", "quarterly", "P1Q"),
    ("The firm raised its quarterly dividend by a cent.", "narrative", "quarterly", None),
    ("Average hourly pay rose.", "colloquial", "hourly", "PT1H"),
    ("Aid convoys carry 900 tonnes a week.", "news", "a week", "P1W"),
    ("The clinic is open five days a week.", "news", "five days", "P5D"),
    ("Delegates arrived for today's talks in Erbil.", "news", "today", "2024-09-27"),
    # what only narratives (WikiWars) tag: "current", "recent", "former" before a noun
    ("Prices reflect current market conditions.", "narrative", "current", "PRESENT_REF"),
    ("Prices reflect current market conditions.", "news", "current", None),
    ("Prices reflect current market conditions.", "colloquial", "current", None),
    ("The country's current account deficit widened.", "narrative", "current", None),
    ("Shares were sold at the then current price.", "narrative", "then current", "PAST_REF"),
    ("He met the former president in Baghdad.", "narrative", "former", "PAST_REF"),
    ("He met the former president in Baghdad.", "news", "former", None),
    ("The recent sale of shares lifted the price.", "narrative", "recent", "PAST_REF"),
    ("The recent sale of shares lifted the price.", "news", "recent", None),
]


@pytest.mark.parametrize(("sentence", "genre", "expression", "value"), GENRE_CASES,
                         ids=[f"{c[1]}-{c[2]}-{c[0][:20]}" for c in GENRE_CASES])
def test_genre_decides_vague_uses(sentence, genre, expression, value):
    found = {t.text: t.value for t in tag(sentence, FRI, genre)}
    assert found.get(expression) == value, found


def test_unknown_genre_is_refused():
    with pytest.raises(ValueError, match="unknown genre 'poetry'"):
        tag("next week", FRI, "poetry")


SHIFTS = [("2025-09", 3, "Y", "2028-09"), ("2024-09-27", 12, "M", "2025-09"), ("2024", -2, "Y", "2022"),
          ("2024-01-31", 1, "W", "2024-02-07"), ("PAST_REF", 1, "Y", None)]


@pytest.mark.parametrize(("value", "amount", "unit", "expected"), SHIFTS, ids=[s[0] + s[2] for s in SHIFTS])
def test_shift_value(value, amount, unit, expected):
    assert shift_value(value, amount, unit) == expected
