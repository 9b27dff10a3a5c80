# ruff: noqa: E501 - long prose strings are easier to edit on one line.
"""Original text for the demo newsroom.

Everything in this module was written for Masthead's demo data. The outlet
(The Korvany Ledger), the city of Korvany, the river Ivra, the Republic of
Dalmira and every person, company, club and institution named below are
fictitious. Any resemblance to real people or organisations is coincidental.

The module holds plain data only, so it can be read without Django. The
``load_demo`` management command turns it into sections, authors and
articles; ``hours_ago`` values are relative to the moment the demo is loaded.
"""

NEWSROOM = {
    "name": "The Korvany Ledger",
    "tagline": "Independent reporting from Korvany and the Ivra lowlands",
    "time_zone": "Europe/Kyiv",
}

SECTIONS = [
    {
        "slug": "city",
        "title": "City",
        "intro": "Streets, services, housing and the everyday business of running Korvany.",
    },
    {
        "slug": "politics",
        "title": "Politics",
        "intro": "City hall and the National Assembly, and what their decisions mean for residents.",
    },
    {
        "slug": "business",
        "title": "Business",
        "intro": "Jobs, prices, the port and the companies that shape the lowland economy.",
    },
    {
        "slug": "justice",
        "title": "Justice",
        "intro": "Trials, appeals and the state of the courts, reported from the public gallery.",
    },
    {
        "slug": "region",
        "title": "Region",
        "intro": "How events beyond the eastern border reach the homes, grid and budgets of the Ivra valley.",
    },
    {
        "slug": "science",
        "title": "Science",
        "intro": "Research from the Polytechnic, the hospitals and the field, explained without the jargon.",
    },
    {
        "slug": "culture",
        "title": "Culture",
        "intro": "Stages, screens, galleries and choirs: the city's cultural life, reviewed and reported.",
    },
    {
        "slug": "sport",
        "title": "Sport",
        "intro": "Football, basketball, rowing and running, from the league table to the club pitch.",
    },
]

AUTHORS = [
    {
        "slug": "irina-valcheva",
        "name": "Irina Valcheva",
        "role": "City hall reporter",
        "bio": "Irina has covered Korvany City Council since the year the chamber first published its voting records. "
        "She reads every budget line so readers do not have to, and keeps a running list of promises made from the mayor's balcony.",
    },
    {
        "slug": "tomas-aldin",
        "name": "Tomas Aldin",
        "role": "Energy correspondent",
        "bio": "Tomas reports on power, heat and the grid that carries them. "
        "Before joining the Ledger he spent six years as an electrical engineer at a regional distribution company.",
    },
    {
        "slug": "sofia-mereni",
        "name": "Sofia Mereni",
        "role": "Courts and justice reporter",
        "bio": "Sofia sits in the public gallery of the Korvany District Court most weekdays. "
        "She writes about trials, appeals and the administration of justice, and teaches court reporting at the Polytechnic's journalism school.",
    },
    {
        "slug": "danylo-kress",
        "name": "Danylo Kress",
        "role": "Business editor",
        "bio": "Danylo edits the Ledger's business pages and writes about the port, manufacturing and household finances. "
        "He grew up above his parents' hardware shop in the old town and still judges every economy by the price of nails.",
    },
    {
        "slug": "lena-orvat",
        "name": "Lena Orvat",
        "role": "Culture writer",
        "bio": "Lena reviews theatre, opera and film and reports on the people and money behind the city's cultural institutions. "
        "She is a former stage manager and has opinions about interval queues.",
    },
    {
        "slug": "petro-halan",
        "name": "Petro Halan",
        "role": "Sport reporter",
        "bio": "Petro covers FK Ivra Korvany, the Stevedores and anything else in the city that involves a scoreboard. "
        "He rowed for the Polytechnic, badly, for three seasons.",
    },
    {
        "slug": "mira-dossel",
        "name": "Mira Dossel",
        "role": "Science and health correspondent",
        "bio": "Mira writes about research, medicine and the environment. "
        "She trained as a biologist and still reads the methods section first.",
    },
    {
        "slug": "andrei-volsky",
        "name": "Andrei Volsky",
        "role": "Regional affairs correspondent",
        "bio": "Andrei reports on how the conflict beyond Dalmira's eastern border is felt in the Ivra valley, from aid logistics to school enrolments. "
        "He previously worked for a humanitarian organisation in the border provinces.",
    },
]

ARTICLES = [
    {
        "slug": "overnight-outage-eastern-korvany",
        "section": "city",
        "title": "Overnight outage leaves 40,000 homes in eastern Korvany without power",
        "standfirst": "A fault at the Zarichna substation cut electricity to three districts for up to five hours. Korvany Power Networks says supply has been restored everywhere.",
        "authors": ["tomas-aldin"],
        "tags": ["power grid", "energy"],
        "hours_ago": 1,
        "hero": {
            "motif": "grid",
            "caption": "Transmission lines running into the Zarichna substation on the eastern edge of the city.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>About 40,000 households in Zarichna, the Mill Quarter and parts of Brick Fields lost electricity shortly after two o'clock this morning when a transformer at the <b>Zarichna substation</b> tripped and took two neighbouring feeders with it. Street lights, traffic signals and the pumps that push water to upper floors in tower blocks all went dark.</p>",
            ),
            (
                "paragraph",
                "<p>Korvany Power Networks, the city's distribution company, said engineers had restored supply to most streets by half past five and to the last 3,000 homes just before seven. A spokesperson, Alina Fedor, said the cause appeared to be an insulation failure inside a transformer installed in 1987, and ruled out sabotage or overload. The company will publish a fault report within ten working days.</p>",
            ),
            (
                "quote",
                {
                    "text": "We had crews on site within twenty minutes, but switching load safely across an old network takes time. We are sorry for a long, cold night.",
                    "attribution": "Alina Fedor, Korvany Power Networks",
                },
            ),
            (
                "paragraph",
                "<p>Residents in the Mill Quarter described stairwells in total darkness and lifts stuck between floors. The city's emergency line logged 214 calls, most about lifts and heating. The fire service freed eleven people from lifts, none of whom needed hospital treatment. Two schools in Zarichna opened an hour late because their boilers need mains power to start.</p>",
            ),
            ("read_also", "grid-operator-plans-batteries-at-four-substations"),
            (
                "paragraph",
                "<p>Zarichna is one of four substations where the company plans to install battery storage over the next two years, a scheme designed partly to bridge exactly this kind of fault. Councillor Viktor Palan of the Green Lowlands bloc said he would ask at Thursday's council meeting why the transformer had not been replaced when it was flagged as high risk in last year's asset review.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": 2,
    },
    {
        "slug": "council-approves-emergency-heating-fund",
        "section": "politics",
        "title": "Council approves emergency heating fund after four-hour debate",
        "standfirst": "The 42 million ducat fund will help pensioners and low-income families with winter heating bills, paid for by delaying road resurfacing.",
        "authors": ["irina-valcheva"],
        "tags": ["city council", "budget", "energy"],
        "hours_ago": 3,
        "hero": {
            "motif": "skyline",
            "caption": "Apartment blocks in the Mill Quarter, where many households heat their homes from the municipal network.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany City Council voted 29 to 14 late on Tuesday to create a 42 million ducat emergency fund to help households pay for heating this winter, after a debate that ran past midnight and included two adjournments. Two councillors abstained. The money will be available from the first of next month and will be paid directly to heat suppliers rather than to residents.</p>",
            ),
            (
                "paragraph",
                "<p>Under the scheme, pensioners living alone and families whose income falls below the regional median will have up to 40 per cent of their monthly heating bill covered between November and March. City officials estimate that about 31,000 households qualify. Those already receiving the national housing allowance will be enrolled automatically; others will need to apply online or at one of the city's nine service centres.</p>",
            ),
            ("subheading", "Roads pay for radiators"),
            (
                "paragraph",
                "<p>The largest part of the cost will be covered by postponing the resurfacing of fourteen streets planned for next spring, which frees up 27 million ducats. The rest comes from a higher than expected dividend paid by the municipal water company. Mayor Daria Kosten said the choice was straightforward. Potholes, she told the chamber, could be patched; a winter spent in a cold flat could not be undone.</p>",
            ),
            (
                "quote",
                {
                    "text": "Nobody in this chamber campaigned on delaying road repairs. But a family choosing between heat and food is a worse emergency than a bumpy street.",
                    "attribution": "Daria Kosten, mayor of Korvany",
                },
            ),
            (
                "paragraph",
                '<p>The opposition Green Lowlands bloc supported the fund but voted against the package as a whole, arguing that the city should have paid for it by cancelling the planned expansion of the car park under Cathedral Square instead. Its leader, Viktor Palan, said the council was "treating the symptom while ignoring leaky windows and uninsulated walls" and called for a parallel insulation programme.</p>',
            ),
            (
                "paragraph",
                "<p>Nadia Shevrin, who chairs the finance committee, said the fund would be reviewed in February once actual claims were known, and that any unspent money would be returned to the roads budget. Charities working with older residents welcomed the decision but warned that many eligible pensioners do not use online services. The city has promised to send letters to every qualifying household before the end of the month.</p>",
            ),
            (
                "paragraph",
                "<p>Heat suppliers have been asked to show the subsidy clearly on every bill, so households can see how much they are saving. Korvany Heat, the city's district heating company, said it could adapt its billing system within three weeks. Private gas suppliers were less certain, and the city said it would pay any households they could not handle through a separate refund scheme in the spring.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "port-procurement-trial-opens",
        "section": "justice",
        "title": "Former port procurement chief goes on trial over crane contracts",
        "standfirst": "Prosecutors say Borys Lenko steered 38 million ducats of work to a company controlled by his brother-in-law. He denies all charges.",
        "authors": ["sofia-mereni"],
        "tags": ["courts", "port"],
        "hours_ago": 6,
        "hero": {
            "motif": "courtroom",
            "caption": "The Korvany District Court building on Justice Square.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The former head of procurement at the Ivra Port Authority went on trial at Korvany District Court on Monday, accused of rigging three tenders for the repair and modernisation of the port's container cranes. <b>Borys Lenko</b>, 54, faces charges of abuse of office and fraud on a large scale. He pleaded not guilty to all counts and is free on bail.</p>",
            ),
            (
                "paragraph",
                "<p>Opening the prosecution case, Yulia Stepko told the court that Mr Lenko had written technical specifications that only one bidder could meet, and that the winning company was owned through an intermediary by the husband of his sister. The contracts, awarded over four years, were worth a combined 38 million ducats. An independent engineering review commissioned by the port later concluded that comparable work should have cost about half that.</p>",
            ),
            ("subheading", "A paper trail of specifications"),
            (
                "paragraph",
                "<p>Ms Stepko said the prosecution would show the court emails in which draft specifications were sent from Mr Lenko's private account to an employee of the winning firm before the tenders were published. \"The competition was decided before it was announced,\" she said. The court heard that two rival bidders had complained to the port's supervisory board at the time, and that both complaints were closed without investigation.</p>",
            ),
            (
                "quote",
                {
                    "text": "My client wrote demanding specifications because the port needed cranes that worked. Demanding is not the same as dishonest.",
                    "attribution": "Artem Holub, counsel for Borys Lenko",
                },
            ),
            (
                "paragraph",
                "<p>Mr Holub told the court that the cranes had been repaired on time and were still in service, and that the engineering review had compared the contracts with cheaper work of a different standard. He said he would call the port's former technical director to testify that the specifications had been agreed by a committee, not by Mr Lenko alone. The port authority, which is a civil party to the case, is seeking the return of 17 million ducats.</p>",
            ),
            (
                "paragraph",
                "<p>Judge Maksym Dorin, who is hearing the case with two lay assessors, has scheduled twelve further hearing days through to the end of next month. The brother-in-law, who is charged separately, is expected to be tried in the spring. If convicted, Mr Lenko faces up to ten years in prison and a ban on holding public office.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "ivra-korvany-stay-top-after-comeback",
        "section": "sport",
        "title": "Ivra Korvany come from two goals down to stay top of the league",
        "standfirst": "A late header from captain Ostap Veres completed a 3-2 win over Harven United in front of a sold-out Riverside Stadium.",
        "authors": ["petro-halan"],
        "tags": ["football"],
        "hours_ago": 9,
        "hero": {
            "motif": "field",
            "caption": "The Riverside Stadium pitch before kick-off on Sunday evening.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>FK Ivra Korvany stayed two points clear at the top of the National League on Sunday after recovering from a two-goal deficit to beat Harven United 3-2. Captain <b>Ostap Veres</b> headed the winner from a corner in the 88th minute, sending most of the 14,000 crowd at the Riverside Stadium into a celebration that lasted well beyond the final whistle.</p>",
            ),
            (
                "paragraph",
                "<p>For an hour it had looked like a bad night. Harven, who had not won away all season, scored twice in six minutes before the break, first through a deflected shot from the edge of the area and then from a penalty after goalkeeper Ruslan Tarko brought down their striker. Ivra's passing was slow, and the home supporters whistled the team off at half-time.</p>",
            ),
            ("subheading", "Substitutions change the game"),
            (
                "paragraph",
                "<p>Coach Marko Teslenko made two changes at the interval, bringing on the winger Emil Stoyan and switching to a back three. The effect was immediate. Stoyan crossed for Pavlo Dorosh to halve the deficit in the 54th minute, and fifteen minutes later was fouled for a penalty that Dorosh converted. Harven defended deep after that, until Veres rose above two markers to settle it.</p>",
            ),
            (
                "quote",
                {
                    "text": "At half-time I told them that nobody would remember the first forty-five minutes if they fixed the second forty-five. They fixed it.",
                    "attribution": "Marko Teslenko, FK Ivra Korvany coach",
                },
            ),
            (
                "paragraph",
                "<p>Ivra now have 34 points from fourteen matches, two more than Ostrel Rovers, who drew on Saturday. They travel to Selvan Miners next weekend before a run of three home matches. Tarko, who was booked for the foul that led to the penalty, is available, but defender Ihor Palyvoda limped off in stoppage time and will be assessed on Monday.</p>",
            ),
            (
                "paragraph",
                '<p>Harven\'s coach, Dmytro Sokil, said his side had been undone by fatigue as much as by Ivra\'s tactical change, having played a cup match on Wednesday. "For an hour we were the better team," he said. "Then our legs went, and against a team like this you cannot defend for thirty minutes without making a mistake." His side stay in fourteenth place, three points above the relegation zone.</p>',
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "third-registration-centre-for-displaced-families",
        "section": "region",
        "title": "Volunteers open a third registration centre for displaced families",
        "standfirst": "The new centre in a former post office on Quay Street will handle paperwork, school places and medical referrals for families arriving from the border provinces.",
        "authors": ["andrei-volsky", "irina-valcheva"],
        "tags": ["displaced families", "housing"],
        "hours_ago": 12,
        "hero": {
            "motif": "portrait-crowd",
            "caption": "Families waiting on the first morning of the new registration centre on Quay Street.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>A third registration centre for families displaced by the conflict beyond Dalmira's eastern border opened in Korvany on Wednesday, in a former post office on Quay Street that volunteers spent six weeks converting. By midday more than 150 people had queued to register for temporary residence, ask about school places or see a nurse, according to the organisers.</p>",
            ),
            (
                "paragraph",
                "<p>The centre is run by the Ivra Valley Welcome Network, a coalition of parish groups, student volunteers and two charities, with the city providing the building rent-free for a year. It brings together in one room the services that families otherwise have to find across the city: migration officers, a school enrolment desk, a legal adviser and a small clinic staffed by retired doctors.</p>",
            ),
            (
                "image",
                {
                    "motif": "skyline",
                    "caption": "The former post office on Quay Street, now the city's third registration centre.",
                    "credit": "Vira Solomko / The Korvany Ledger",
                },
            ),
            ("subheading", "Pressure on the existing centres"),
            (
                "paragraph",
                "<p>The two existing centres, at the central railway station and in the Polytechnic's sports hall, have been operating beyond capacity since late summer, when fighting near the border provinces intensified and the number of new arrivals roughly doubled. Waiting times for a first appointment had stretched to nine days. City officials say about 18,500 displaced people are now registered in Korvany, around four per cent of the population.</p>",
            ),
            (
                "quote",
                {
                    "text": "People arrive with one bag and a folder of documents, and they are sent to five offices in five districts. We wanted one door, one queue and a cup of tea.",
                    "attribution": "Hanna Lysak, coordinator, Ivra Valley Welcome Network",
                },
            ),
            (
                "paragraph",
                "<p>Housing remains the hardest problem. Most families are staying with relatives or in rented rooms, and about 2,300 people still live in temporary accommodation in former dormitories and a converted hotel. The deputy mayor for social affairs, Roksana Fil, said the council would present a plan next month to bring empty municipal flats back into use, starting with 120 units in the Mill Quarter that need only minor repairs.</p>",
            ),
            ("read_also", "how-the-conflict-reshaped-korvany"),
            (
                "paragraph",
                "<p>The Quay Street centre will open from eight in the morning until six in the evening on weekdays and until two on Saturdays. Organisers are looking for volunteers who speak the languages of the border provinces, and for donations of children's winter clothes, which they say are the item most often requested at the door.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "kessel-brewery-canning-line-jobs",
        "section": "business",
        "title": "Kessel Brewery to add 120 jobs with new canning line",
        "standfirst": "The family-owned brewer will invest 55 million ducats in its Tannery Hill site, its largest expansion in three decades.",
        "authors": ["danylo-kress"],
        "tags": ["economy"],
        "hours_ago": 15,
        "hero": {
            "motif": "market",
            "caption": "Kessel beer on sale at a Saturday market stall in the old town.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Kessel Brewery, which has made beer on Tannery Hill since 1894, will build a canning line and a new warehouse at its Korvany site, creating 120 permanent jobs, the company said on Tuesday. The 55 million ducat investment is the largest in the brewery's history since it was returned to the Kessel family in the early 1990s.</p>",
            ),
            (
                "paragraph",
                "<p>The line, due to start production in the autumn of next year, will be able to fill 30,000 cans an hour. Chief executive Ada Kessel said demand for canned beer had grown quickly in supermarkets and abroad, and that the brewery was currently paying a contractor in another city to can about a fifth of its output, which meant trucking beer two hundred kilometres and back.</p>",
            ),
            (
                "quote",
                {
                    "text": "We have been sending our beer on a four-hundred-kilometre round trip to put it in a tin. That never made sense for the business, the roads or the climate.",
                    "attribution": "Ada Kessel, chief executive, Kessel Brewery",
                },
            ),
            ("subheading", "Training with the Polytechnic"),
            (
                "paragraph",
                "<p>Most of the new roles will be for machine operators, maintenance technicians and warehouse staff. The company has agreed with Korvany Polytechnic's vocational college to run a twelve-month apprenticeship course, with the first thirty places reserved for applicants who are unemployed or have been displaced from the border provinces. Wages for operators will start at about 15 per cent above the regional average for manufacturing.</p>",
            ),
            (
                "paragraph",
                "<p>The project still needs planning permission for the warehouse, which will be built on a former coal yard next to the railway line. Residents of the streets below Tannery Hill have complained for years about lorries using narrow roads, and the company says the new site will allow most deliveries to come in from the ring road. A public consultation opens next week.</p>",
            ),
            (
                "paragraph",
                "<p>The announcement is a welcome piece of news for Korvany's industrial economy, which lost about 2,000 manufacturing jobs over the past five years as two textile plants closed. The city's chamber of commerce said the investment showed that mid-sized family firms were now the backbone of local employment, and urged the council to speed up planning decisions for similar projects.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "polytechnic-maps-where-the-ivra-floods-first",
        "section": "science",
        "title": "Polytechnic team maps where the Ivra floods first, street by street",
        "standfirst": "A new model built from river gauges, drain records and residents' photographs shows that some of the city's worst flood risk lies far from the riverbank.",
        "authors": ["mira-dossel"],
        "tags": ["research", "river ivra", "weather"],
        "hours_ago": 19,
        "hero": {
            "motif": "river",
            "caption": "The Ivra at the Old Bridge, where the river rose almost two metres in the spring floods three years ago.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Hydrologists at Korvany Polytechnic University have produced the most detailed map yet of how floodwater moves through the city, and it contains some uncomfortable surprises. Several streets in Brick Fields and the lower Mill Quarter, more than a kilometre from the Ivra, flood earlier and deeper than parts of the embankment because storm drains back up when the river is high.</p>",
            ),
            (
                "paragraph",
                "<p>The model, published this week in a peer-reviewed hydrology journal, combines forty years of readings from river gauges with the city's records of blocked drains, a laser survey of street heights and more than 3,000 photographs that residents uploaded during the spring floods three years ago. Each photograph was matched to a time and a location, allowing the team to check what the model predicted against what actually happened.</p>",
            ),
            ("subheading", "Water finds the old streams"),
            (
                "paragraph",
                '<p>The lead author, <b>Dr Kateryna Mlyn</b>, said many of the most vulnerable streets follow the course of small streams that were piped underground in the nineteenth century. When the Ivra rises, outfalls that normally carry rainwater into the river are closed by flap valves, and water collects at the lowest points of the old valleys. "The city forgot the streams," she said. "The water did not."</p>',
            ),
            (
                "quote",
                {
                    "text": "Flood defences on the riverbank protect against the river. They do nothing for rain that has nowhere to go because the river is already full.",
                    "attribution": "Dr Kateryna Mlyn, Korvany Polytechnic University",
                },
            ),
            (
                "image",
                {
                    "motif": "mountains",
                    "caption": "The upper Ivra catchment, where snowmelt and heavy rain combine to drive spring floods downstream.",
                    "credit": "Kateryna Mlyn / Korvany Polytechnic University",
                },
            ),
            (
                "paragraph",
                "<p>The study also looked upstream. Warmer winters mean that snow in the hills above the valley melts in shorter, sharper bursts, and the team found that the five highest river levels recorded in Korvany since 1984 all happened in the past fifteen years. In three of those cases heavy rain fell on melting snow within the same forty-eight hours, a combination the model treats as the most dangerous scenario.</p>",
            ),
            (
                "paragraph",
                "<p>City engineers, who helped gather the drain data, said the map would change how they plan maintenance. The head of the municipal drainage department, Oleh Sviridov, said crews would now clear the gullies in the twenty highest-risk streets before every forecast of heavy rain rather than on a fixed schedule, and that the city would consider installing pumps at three outfalls identified in the study.</p>",
            ),
            (
                "paragraph",
                "<p>Insurers are watching closely. Several companies already use the river's official flood zones to price household policies, and those zones are drawn along the banks. If the new map were adopted, some homes far from the river would be reclassified as higher risk, while some near the embankment would fall into a lower band. The national insurance association said it would study the findings but that any change to pricing would take years.</p>",
            ),
            (
                "paragraph",
                '<p>The researchers have made an interactive version of the map available on the <a href="https://example.org/ivra-flood-map">university\'s website</a>, where residents can enter an address and see its estimated flood depth under several scenarios. Dr Mlyn said the team would update it each year and wants more photographs from residents during the next high water, taken safely and from dry ground.</p>',
            ),
            ("read_also", "rare-river-mussel-colony-below-old-weir"),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "old-tannery-reopens-lost-trades",
        "section": "culture",
        "title": "The Old Tannery reopens with a show about the city's lost trades",
        "standfirst": "After two years of restoration, the arts centre on the riverbank welcomes visitors back with an exhibition built from the memories of former workers.",
        "authors": ["lena-orvat"],
        "tags": ["arts"],
        "hours_ago": 23,
        "hero": {
            "motif": "stage",
            "caption": "Rehearsal for the opening performance in the Old Tannery's restored main hall.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The Old Tannery, the brick arts centre on the east bank of the Ivra, reopened on Friday night after a two-year restoration that replaced its leaking roof, rebuilt its drying lofts as studios and added a lift so that the upper galleries can finally be reached by wheelchair users. More than a thousand people crossed the footbridge for the opening, many of them for the first time.</p>",
            ),
            (
                "paragraph",
                "<p>The opening exhibition, <i>Hands of the City</i>, tells the story of the trades that once filled the riverside: tanners, rope makers, coopers, barge builders and the women who sorted wool in the sheds that now house the centre's café. Rather than display objects in glass cases, curators recorded interviews with more than sixty former workers and their children and built the rooms around their voices.</p>",
            ),
            ("subheading", "A smell you cannot exhibit"),
            (
                "paragraph",
                "<p>In one room, visitors sit on benches made from old vat staves and listen to a retired tanner describe the smell of the lime pits, which he says stayed in his clothes for forty years. In another, a wall of photographs lent by families shows the annual river festival when workers raced barges between the Old Bridge and the weir. Children are invited to try knotting rope at a long table by the windows.</p>",
            ),
            (
                "quote",
                {
                    "text": "Everybody in Korvany has a grandparent who worked on this bank. We wanted the building to listen to them before it started talking about itself.",
                    "attribution": "Sasha Ivanik, director of the Old Tannery",
                },
            ),
            (
                "paragraph",
                "<p>The restoration cost 96 million ducats, most of it from the city and a national heritage fund, with about a tenth raised from private donors and a crowdfunding campaign for the lift. The centre's director, Sasha Ivanik, said the building would host theatre, dance and a children's programme over the winter, and that the studios would be let at below-market rents to artists who live in the city.</p>",
            ),
            (
                "paragraph",
                "<p><i>Hands of the City</i> runs until the end of April. Entry is free on Sundays and for visitors under eighteen. The centre is open from Tuesday to Sunday, and the riverside café, which serves a soup recipe donated by one of the wool sorters interviewed for the show, opens an hour earlier than the galleries.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "tram-line-4-extension-delayed-again",
        "section": "city",
        "title": "Tram line 4 extension delayed again as contractor seeks more money",
        "standfirst": "Trams will not reach the Brick Fields housing estate until at least next autumn, a year later than promised, after the builder asked for 19 million ducats more.",
        "authors": ["irina-valcheva"],
        "tags": ["transport", "city council", "budget"],
        "hours_ago": 27,
        "hero": {
            "motif": "train",
            "caption": "A line 4 tram at the current terminus on Foundry Street.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The extension of tram line 4 to the Brick Fields estate has been delayed for a second time, city officials confirmed on Monday, after the construction consortium building the 3.8 kilometre route asked the council for an extra 19 million ducats to cover higher prices for steel and electrical equipment. Trams are now expected to run no earlier than next September.</p>",
            ),
            (
                "paragraph",
                "<p>The extension was meant to open this autumn, and the original budget of 164 million ducats has already risen once. Work on the track bed is about two-thirds complete, but the overhead power lines, two of the five stops and the junction at Foundry Street have not been started. The consortium, led by Lowland Civil Works, says it cannot continue at the agreed price.</p>",
            ),
            ("subheading", "Residents still waiting"),
            (
                "paragraph",
                "<p>About 26,000 people live in Brick Fields, most of them in tower blocks built in the 1970s, and the estate is served only by two bus routes that are often overcrowded at rush hour. Residents' association chair Lidiya Koval said people had planned their jobs and their children's schools around the tram's promised opening. \"We have had three groundbreaking ceremonies and no trams,\" she said.</p>",
            ),
            (
                "quote",
                {
                    "text": "We will not sign a blank cheque. If the consortium wants more money, it will show us every invoice, and the council will decide in public.",
                    "attribution": "Oleksa Brann, deputy mayor for transport",
                },
            ),
            (
                "paragraph",
                "<p>Deputy mayor Oleksa Brann said the city had appointed an independent cost engineer to examine the claim and would report to the transport committee within six weeks. The contract allows price adjustments for some materials, but not for labour or delays caused by the contractor. Opposition councillors have called for the city to consider ending the contract and retendering the remaining work.</p>",
            ),
            (
                "paragraph",
                "<p>In the meantime, the city will add extra buses on route 27 at peak times from next month and will run a shuttle between the estate and the Foundry Street tram stop on weekday mornings. The transport committee will discuss the consortium's claim at its meeting on the fourteenth, which is open to the public and will be streamed online.</p>",
            ),
            ("read_also", "night-buses-return-on-six-routes"),
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": "An earlier version of this article misstated the length of the extension. It is 3.8 kilometres, not 8.3 kilometres.",
                "hours_after": 5,
            }
        ],
        "updated_hours_after": None,
    },
    {
        "slug": "assembly-committee-backs-tariff-cap",
        "section": "politics",
        "title": "Assembly committee backs plan to cap household electricity tariffs through winter",
        "standfirst": "The cap would hold prices at this year's level until April. Economists warn the cost will fall on the state-owned grid company.",
        "authors": ["tomas-aldin", "danylo-kress"],
        "tags": ["energy", "economy"],
        "hours_ago": 32,
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>The energy committee of the National Assembly voted on Wednesday to recommend a cap on household electricity tariffs for the coming winter, freezing the price per kilowatt-hour at its current level until the end of April. The proposal, which passed by eleven votes to four, will go to the full Assembly in Merogard next week, where the governing coalition has a comfortable majority.</p>",
            ),
            (
                "paragraph",
                "<p>The cap would apply to the first 250 kilowatt-hours a household uses each month, roughly the consumption of a typical two-bedroom flat that does not heat with electricity. Above that threshold, market prices would apply. The energy regulator had been expected to approve an increase of about 12 per cent from January to reflect higher wholesale costs and the expense of repairing damaged transmission lines.</p>",
            ),
            ("subheading", "Who pays"),
            (
                "paragraph",
                "<p>The difference between the capped price and the cost of supply would be covered by Lowland Grid, the state-owned transmission company, which would be compensated from the national budget over three years. Economists at the Merogard Institute for Economic Policy estimated the total cost at between 1.4 and 2 billion ducats, depending on how cold the winter turns out to be and on wholesale prices across the region.</p>",
            ),
            (
                "quote",
                {
                    "text": "A cap is a blunt tool. It helps every household equally, including those who do not need help, and it delays a bill rather than cancelling it.",
                    "attribution": "Olha Verbych, Merogard Institute for Economic Policy",
                },
            ),
            (
                "paragraph",
                "<p>Supporters on the committee argued that targeted help takes too long to reach people, pointing to queues for the national housing allowance. Critics, including members of the opposition, said the cap would discourage saving energy and leave Lowland Grid with less money to invest in the network at the moment it most needs repair. In Korvany, city officials said the national cap would sit alongside the city's proposed heating fund, not replace it.</p>",
            ),
            (
                "paragraph",
                "<p>The committee also attached conditions. Lowland Grid would have to publish monthly figures on the cost of the cap, and the government would be required to report to the Assembly in February on whether the threshold of 250 kilowatt-hours should be adjusted for larger households or for homes that rely on electric heating. An amendment to extend the cap to small businesses was narrowly rejected.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "port-handles-record-grain-volumes",
        "section": "business",
        "title": "Port handles record grain volumes as rail corridors reopen",
        "standfirst": "More than 610,000 tonnes of grain passed through the Ivra Port in October, as exporters shifted cargo away from routes disrupted by the conflict.",
        "authors": ["danylo-kress"],
        "tags": ["port", "economy", "transport"],
        "hours_ago": 37,
        "hero": {
            "motif": "harbour",
            "caption": "Container cranes and grain barges at the Ivra Port's north quay.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The Ivra Port handled more grain in October than in any month since records began, the port authority said on Thursday, as farmers and traders sent harvests down the river and by rail through Korvany rather than along routes further east that have been disrupted by the conflict. Just over 610,000 tonnes of wheat, maize and barley crossed the quays, up 41 per cent on the same month last year.</p>",
            ),
            (
                "paragraph",
                "<p>Much of the increase came from the reopening of two rail freight corridors that had been closed for track repairs over the summer, allowing grain trains from the central plains to reach the port's north terminal directly. Barge traffic on the Ivra also rose, helped by unusually high water levels for the time of year, which let vessels load closer to their full capacity.</p>",
            ),
            (
                "quote",
                {
                    "text": "We are running the grain terminal twenty-four hours a day. It is good for the port and the city, but we are at the limit of what the quays can do.",
                    "attribution": "Hanna Rudko, director, Ivra Port Authority",
                },
            ),
            ("subheading", "Bottlenecks on land"),
            (
                "paragraph",
                "<p>The surge has brought problems. Lorries waiting to unload have queued for up to eight hours on the port access road, and residents of Harbour Row have complained about noise and dust at night. The port authority says it has opened a second waiting area on former railway land and will introduce a booking system for lorry arrivals in December, so that drivers are given a time slot rather than simply turning up.</p>",
            ),
            (
                "paragraph",
                "<p>The busier quays have also brought work. The port authority says it has hired 140 extra staff since the spring, mostly crane operators, lorry marshals and maintenance workers, and private logistics firms around the port have added several hundred more. Union representatives say that overtime has become routine and that the authority should hire permanent staff rather than relying on agency workers to cover the night shifts.</p>",
            ),
            (
                "paragraph",
                "<p>Analysts caution that the record may not last. Traders say some of the cargo is likely to return to its usual routes if conditions in the east stabilise, and a dry spring could lower the river and reduce barge capacity again. The port authority is nonetheless pressing ahead with plans to deepen the north basin, a project it expects to submit for environmental approval early next year.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "court-orders-rehousing-lantern-street",
        "section": "justice",
        "title": "Court orders city to rehouse tenants of condemned Lantern Street block",
        "standfirst": "A judge ruled that the city must offer comparable homes to 63 households within four months after inspectors declared their building unsafe.",
        "authors": ["sofia-mereni", "irina-valcheva"],
        "tags": ["courts", "housing", "city council"],
        "hours_ago": 42,
        "hero": {
            "motif": "skyline",
            "caption": "The apartment block at 14 Lantern Street, declared unsafe by building inspectors in the spring.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany's administrative court has ordered the city to offer new homes to all 63 households living in the condemned apartment block at 14 Lantern Street, ruling that the council cannot declare a building unsafe and then leave its tenants to find their own way out. The city has four months to make offers of comparable flats in the same district or a neighbouring one.</p>",
            ),
            (
                "paragraph",
                "<p>Inspectors declared the nine-storey block unsafe in April after cracks appeared in two load-bearing walls. Residents were told they could stay while the city decided whether to repair or demolish, but that they should look for alternative accommodation. Most could not afford to move. The tenants' association took the city to court in June, arguing that the council, as owner of 48 of the flats, had a duty to rehouse them.</p>",
            ),
            ("subheading", "A duty that cannot be delegated"),
            (
                "paragraph",
                "<p>In her ruling, Judge Larysa Antonenko agreed. She found that the council's housing code requires it to provide alternative accommodation when a municipal building becomes uninhabitable, and that the duty extends to private owners living in the block because the city controls its structural repair. She rejected the city's argument that a shortage of empty flats made the obligation impossible to meet.</p>",
            ),
            (
                "quote",
                {
                    "text": "For seven months we have gone to sleep listening for the walls. Today a court said what we have been saying all along: this is the city's building and the city's responsibility.",
                    "attribution": "Marta Ilnytska, chair of the Lantern Street tenants' association",
                },
            ),
            (
                "paragraph",
                "<p>The city has thirty days to appeal. A spokesperson for the mayor's office said lawyers were studying the judgment and that the council had always intended to rehouse residents, but needed time to find suitable flats in a market already stretched by the arrival of displaced families. Engineers are due to report in January on whether the building can be saved.</p>",
            ),
            (
                "paragraph",
                "<p>For residents the practical questions are pressing. Several families have children at the school across the road and want to stay within walking distance. Others, including elderly residents who have lived in the block since it was built, say they would accept any ground-floor flat with a working lift. The tenants' association has asked the city to meet each household individually rather than send standard letters.</p>",
            ),
            (
                "paragraph",
                "<p>Housing campaigners said the ruling could have consequences well beyond Lantern Street. The city owns about 140 blocks of a similar age and construction, and a survey last year classified eleven of them as needing urgent structural work. Councillor Viktor Palan said the decision should prompt the council to set aside a reserve of empty flats for emergencies rather than selling them.</p>",
            ),
            ("read_also", "rising-rents-push-bakeries-out-of-old-town"),
        ],
        "corrections": [],
        "updated_hours_after": 6,
    },
    {
        "slug": "stevedores-sign-veteran-guard",
        "section": "sport",
        "title": "Korvany Stevedores sign veteran guard Aurel Banu for playoff push",
        "standfirst": "The 34-year-old point guard joins on a contract until the end of the season after leaving Merogard Athletic.",
        "authors": ["petro-halan"],
        "tags": ["basketball"],
        "hours_ago": 48,
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>The Korvany Stevedores have signed the experienced point guard <b>Aurel Banu</b> on a contract that runs until the end of the season, the basketball club announced on Saturday. Banu, 34, left Merogard Athletic last week after six seasons and two national titles, and is expected to make his debut in Wednesday's home game against the Selvan Foxes.</p>",
            ),
            (
                "paragraph",
                "<p>The Stevedores sit fifth in the league, one place above the cut-off for the playoffs, but have lost four of their last six games. Head coach Iryna Makovei said the team had struggled to close out tight matches since first-choice guard Tymur Osadchy broke his wrist in October, and that Banu's experience in the final minutes of games was exactly what the squad lacked.</p>",
            ),
            (
                "quote",
                {
                    "text": "We have young legs and plenty of talent. What we have not had is somebody who has been in a final with ten seconds left and knows what to do with the ball.",
                    "attribution": "Iryna Makovei, head coach, Korvany Stevedores",
                },
            ),
            (
                "paragraph",
                "<p>Banu averaged eleven points and seven assists per game last season. He said he had chosen Korvany partly because his wife's family lives in the city and partly because he wanted a role in a young team. Tickets for Wednesday's game at the Harbour Arena went on general sale on Saturday morning and the club said about 600 remained by the afternoon.</p>",
            ),
            (
                "paragraph",
                "<p>The signing is a short-term one by design. Osadchy is expected back in February, and the club's sporting director, Andrii Vovk, said the Stevedores remained committed to building around players developed in their own academy. Banu's contract includes an option to stay on as an assistant coach next season, which the player said he would consider once the playoffs are over.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "stroke-pathway-trial-saves-minutes",
        "section": "science",
        "title": "Hospital trial finds shorter stroke pathway saves vital minutes",
        "standfirst": "Taking suspected stroke patients straight from the ambulance to the scanner cut the average time to treatment by 23 minutes at Korvany Regional Hospital.",
        "authors": ["mira-dossel"],
        "tags": ["health", "research"],
        "hours_ago": 54,
        "hero": {
            "motif": "lab",
            "caption": "The neurology research laboratory at Korvany Regional Hospital.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Patients with suspected strokes who were taken directly from the ambulance to a brain scanner, instead of first being assessed in the emergency department, received clot-busting treatment an average of 23 minutes sooner, according to a year-long trial at Korvany Regional Hospital. The results were presented on Friday at a national neurology conference and have been submitted to a medical journal.</p>",
            ),
            (
                "paragraph",
                "<p>In the most common type of stroke, a clot blocks blood flow to part of the brain, and every minute without treatment destroys nerve cells that cannot be replaced. Drugs that dissolve the clot are most effective in the first hour and cannot be given until a scan has ruled out bleeding in the brain. Under the usual system, patients at Korvany waited an average of 58 minutes from arrival to treatment.</p>",
            ),
            ("subheading", "Paramedics call ahead"),
            (
                "paragraph",
                "<p>In the trial, paramedics who suspected a stroke phoned a dedicated number during the journey. A neurologist, a nurse and a radiographer then met the ambulance at the scanner door, took a short history on the way in and had the scan read within minutes. Of 412 patients treated under the new pathway, 71 per cent received clot-busting drugs within 45 minutes of arrival, compared with 29 per cent the year before.</p>",
            ),
            (
                "quote",
                {
                    "text": "We did not buy a single new machine. We changed the order in which people meet the patient, and we took a corridor and a waiting room out of the journey.",
                    "attribution": "Dr Pavlo Hrytsai, consultant neurologist, Korvany Regional Hospital",
                },
            ),
            (
                "paragraph",
                "<p>The researchers also followed patients for three months. Those treated under the new pathway were more likely to be living independently at the end of that period, though the authors caution that the trial was not randomised and that other improvements in stroke care over the same year may have contributed. A larger study across four regional hospitals is being planned.</p>",
            ),
            (
                "paragraph",
                "<p>The hospital has made the pathway permanent, and the regional health department says it wants to extend it to two smaller hospitals in the valley by next summer, which will require training ambulance crews and keeping scanners free at short notice. Doctors stress that the most important step is still the first one: calling an ambulance immediately if someone's face droops, an arm weakens or speech becomes slurred.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "embankment-road-closure-heat-network",
        "section": "city",
        "title": "Heat network repairs to close Embankment Road for three weeks",
        "standfirst": "The riverside road will shut between the Old Bridge and Quay Street from Monday while engineers replace a corroded section of hot water main.",
        "authors": ["irina-valcheva"],
        "tags": ["transport", "energy"],
        "hours_ago": 61,
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Embankment Road will be closed to traffic in both directions between the Old Bridge and Quay Street for three weeks from Monday, the city's district heating company announced, while crews replace a 400-metre section of the main pipe that carries hot water from the Northern Heat Plant to the old town. Pedestrians and cyclists will still be able to use the riverside path.</p>",
            ),
            (
                "paragraph",
                "<p>Korvany Heat said an inspection in September found advanced corrosion on the pipe, which was laid in 1968, and that it had decided to replace it before the coldest weeks of winter rather than risk a burst. A failure on the same main two winters ago left about 9,000 flats without heating or hot water for two days during a cold spell.</p>",
            ),
            (
                "quote",
                {
                    "text": "Three weeks of diversions are a nuisance. Two days without heat in January would be far worse, and that is the choice we were facing.",
                    "attribution": "Bohdan Lutsiv, technical director, Korvany Heat",
                },
            ),
            (
                "paragraph",
                '<p>Buses on routes 3 and 11 will be diverted along Cathedral Street, and the city has suspended parking charges on nearby streets for residents of the closed section. Heating will not be interrupted during the works, the company said, because the old town will be supplied through a temporary bypass pipe. Updates will be posted on the city\'s <a href="https://example.org/korvany-roadworks">roadworks page</a>.</p>',
            ),
            (
                "paragraph",
                "<p>Shopkeepers on Embankment Road said they were worried about losing trade in the weeks before the winter holidays. The city has agreed to put up signs at both ends of the closure saying that businesses remain open, and Korvany Heat has promised to keep at least one pavement clear along the whole section. Work is scheduled to take place between seven in the morning and eight in the evening.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "how-the-conflict-reshaped-korvany",
        "section": "region",
        "title": "Three years on: how the conflict beyond the border reshaped a lowland city",
        "standfirst": "Korvany has absorbed tens of thousands of newcomers, rewired its schools and watched its economy tilt. Some of the changes look permanent.",
        "authors": ["andrei-volsky"],
        "tags": ["displaced families", "economy", "housing"],
        "hours_ago": 69,
        "hero": {
            "motif": "train",
            "caption": "A morning train arriving at Korvany Central, where most displaced families first set foot in the city.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>When the fighting began across Dalmira's eastern border three years ago, Korvany was a quiet place that young people left. The city had been shrinking for two decades, its schools were merging and its tram depot had more retired drivers than active ones. Few people here expected a conflict in another country to change that. It has, in ways that are visible on almost every street.</p>",
            ),
            (
                "paragraph",
                "<p>About 18,500 people displaced from the border provinces are now registered in the city, and officials believe several thousand more live here without having registered. Many arrived by train with little more than a suitcase, expecting to stay a few weeks. A survey by the Polytechnic's sociology department last spring found that six in ten now expect to remain in Korvany for at least another two years, and a third say they may never return.</p>",
            ),
            ("subheading", "Classrooms and clinics"),
            (
                "paragraph",
                "<p>The most immediate pressure fell on schools. Enrolment in the city's primary schools rose by eleven per cent in a single year, reversing a decline that had led to three closures. Two of those buildings have since reopened. Teachers describe classes in which a third of pupils arrived mid-year, some after months without schooling, and the education department has hired forty teaching assistants who speak the languages of the border provinces.</p>",
            ),
            (
                "paragraph",
                "<p>Headteachers say the change has been harder and better than they expected. At School No. 14 in the Mill Quarter, which was due to close the year the fighting started, the head, Valentyna Rudenko, now runs two shifts and a Saturday club where parents learn Dalmiran alongside their children. The school's football team, she notes, has never been stronger, and the staff room has never been so crowded.</p>",
            ),
            (
                "paragraph",
                "<p>Health services have strained too. Waiting lists for family doctors in Brick Fields and the Mill Quarter have lengthened, and the regional hospital reports more patients with conditions that went untreated during displacement. Yet the same period brought about 140 doctors and nurses among the newcomers. Around half have had their qualifications recognised so far, a process that clinic managers describe as painfully slow for people who are already trained.</p>",
            ),
            (
                "quote",
                {
                    "text": "I was a paediatric nurse for nineteen years. Here I spent eight months proving it. Now I work two streets from where I live, and the children do not care which province I am from.",
                    "attribution": "Oksana Perets, nurse at the Brick Fields family clinic",
                },
            ),
            (
                "image",
                {
                    "motif": "market",
                    "caption": "Stalls run by newcomers from the border provinces have become a fixture of the Saturday market on Guild Square.",
                    "credit": "Vira Solomko / The Korvany Ledger",
                },
            ),
            (
                "paragraph",
                "<p>The economy has tilted. Korvany's rail yards and the Ivra Port have become busier as cargo shifts away from disrupted routes further east, and firms that could not find workers three years ago now receive dozens of applications for each vacancy. At the same time, rents have risen faster than anywhere else in the country, by about 30 per cent in three years, squeezing long-standing residents and newcomers alike.</p>",
            ),
            (
                "paragraph",
                "<p>Newcomers have also started businesses. The chamber of commerce counts more than 400 firms registered by displaced people, most of them small: bakeries, repair shops, a printing works, two software companies and a family that reopened a closed cinema in the Mill Quarter. On Saturday mornings the stalls they run on Guild Square sell pastries and smoked cheeses that were unknown in Korvany a few years ago and are now simply part of the market.</p>",
            ),
            (
                "paragraph",
                "<p>Tensions exist, and surveys show that concern about housing and waiting lists is widespread among long-term residents. But community groups say open hostility has been rare, and the city council has so far avoided the bitter arguments seen elsewhere. Mayor Daria Kosten has described the arrivals as the first population growth the city has seen in a generation, while warning that the national government has not paid its share of the cost.</p>",
            ),
            ("read_also", "choir-sings-in-three-languages"),
            (
                "paragraph",
                "<p>What happens next depends largely on events beyond the city's control. If the conflict ends, many families say they will go home, though what home will look like is uncertain. If it does not, Korvany faces decisions it has postponed: building rather than borrowing classrooms, planning housing for a larger city, and deciding whether the newcomers are guests or neighbours. Increasingly, residents on both sides of that question seem to have already answered it.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "ivra-film-week-first-features",
        "section": "culture",
        "title": "Ivra Film Week announces a programme built around first features",
        "standfirst": "Eleven of the fourteen films in this year's competition are debuts, and three were made by directors who fled the border provinces.",
        "authors": ["lena-orvat"],
        "tags": ["arts"],
        "hours_ago": 77,
        "hero": {
            "motif": "stage",
            "caption": "The main screen at the Lumen cinema, the festival's central venue.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Ivra Film Week will devote its main competition to first and second features this year, the festival announced on Monday, with eleven of the fourteen selected films made by debut directors. The festival, now in its twenty-second year, runs for eight days in early December across five venues in the city, including the newly restored hall at the Old Tannery.</p>",
            ),
            (
                "paragraph",
                "<p>Festival director Nina Zarev said the decision reflected the strength of submissions rather than a policy. More than 600 films were submitted, almost twice as many as five years ago, and the selection committee found that the most distinctive work came from new filmmakers. The competition includes documentaries and fiction from eight countries, and a jury chaired by the cinematographer Iveta Rosol.</p>",
            ),
            (
                "quote",
                {
                    "text": "We did not set out to make a festival of beginners. We set out to find the films that surprised us, and almost all of them turned out to be first films.",
                    "attribution": "Nina Zarev, director of Ivra Film Week",
                },
            ),
            ("subheading", "Stories from the border"),
            (
                "paragraph",
                "<p>Three competition films were made by directors displaced from the border provinces, including <i>The Long Platform</i>, a documentary shot over two years at Korvany Central station, where many families first arrive. Another, <i>Salt for the Winter</i>, is a fiction feature about two sisters running a village shop as the front line moves closer. Both were completed with small grants from the festival's own development fund.</p>",
            ),
            (
                "paragraph",
                "<p>The festival's budget this year is about 14 million ducats, roughly a third from the city, a third from the national film fund and the rest from sponsors and ticket sales. Ms Zarev said that rising costs had forced the festival to drop one of its usual venues, a cinema in Brick Fields, but that it would instead run free screenings for schools in the same district during the day.</p>",
            ),
            (
                "paragraph",
                "<p>Tickets go on sale next Monday. As in previous years, screenings before five o'clock will cost half the evening price, and students and displaced residents with a registration card can attend free of charge. The festival will close with an outdoor screening on Guild Square if the weather allows, and in the Lumen's main hall if it does not.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "grid-operator-plans-batteries-at-four-substations",
        "section": "city",
        "title": "Grid operator sets out plan for batteries at four Korvany substations",
        "standfirst": "Korvany Power Networks wants to install 80 megawatt-hours of storage by the end of next year to keep the lights on during faults and evening peaks.",
        "authors": ["tomas-aldin"],
        "tags": ["power grid", "energy"],
        "hours_ago": 86,
        "hero": {
            "motif": "grid",
            "caption": "Power lines leaving the North Quay substation, one of four sites chosen for battery storage.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany Power Networks plans to install large batteries at four of the city's substations over the next two years, giving the local grid a reserve that could keep power flowing to homes for up to two hours if a transformer fails or supply from the national network is interrupted. The company presented the plan to the city's infrastructure committee on Tuesday.</p>",
            ),
            (
                "paragraph",
                "<p>The four sites are Zarichna, North Quay, Tannery Hill and Brick Fields, which together supply about 60 per cent of the city's households. Each will receive a bank of lithium iron phosphate batteries housed in containers next to the existing equipment, with a combined capacity of 80 megawatt-hours. The total cost is estimated at 210 million ducats, of which a national resilience fund would pay about half.</p>",
            ),
            ("subheading", "More than a backup"),
            (
                "paragraph",
                "<p>Batteries would do more than stand by for emergencies. Most of the time they would charge when demand is low, overnight and in the middle of sunny days, and discharge during the evening peak, when the city's grid is most stretched. That would reduce the need to import expensive power at the busiest hours and ease the load on cables and transformers, some of which are over forty years old.</p>",
            ),
            (
                "image",
                {
                    "motif": "lab",
                    "caption": "Battery cells under test at the Polytechnic's energy storage laboratory, which will advise the grid company.",
                    "credit": "Vira Solomko / The Korvany Ledger",
                },
            ),
            (
                "quote",
                {
                    "text": "A battery cannot fix an old transformer. What it can do is buy us time, so that a fault at two in the morning becomes a flicker rather than a blackout.",
                    "attribution": "Roman Tesliar, chief executive, Korvany Power Networks",
                },
            ),
            (
                "paragraph",
                "<p>Councillors welcomed the plan but pressed the company on its pace. Several pointed out that the batteries will not be in place for this winter, and asked why transformers identified as high risk in last year's asset review had not been replaced first. Mr Tesliar said replacement transformers had a delivery time of eighteen months, and that the company had ordered six of them in the spring.</p>",
            ),
            (
                "paragraph",
                "<p>Fire safety was also raised. Residents near the Tannery Hill site have asked what would happen if a battery caught fire. The company says each container will have its own detection and suppression system and will be placed at least thirty metres from homes, and that the city's fire service has been involved in the design. A public information evening is planned for each site before construction begins.</p>",
            ),
            ("read_also", "damaged-interconnector-strains-lowland-grid"),
            (
                "paragraph",
                "<p>If the national fund approves its share of the money in January, the company expects to begin work at Zarichna in the spring, followed by North Quay in the summer. The remaining two sites would follow next year. The plan also includes smaller batteries at two hospitals and the city's main water pumping station, which would be paid for separately from their own budgets.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "audit-of-city-owned-companies",
        "section": "politics",
        "title": "Mayor's office publishes first full audit of city-owned companies",
        "standfirst": "The review of fourteen municipal firms found strong finances at the water company and mounting debts at the bus operator and the city markets.",
        "authors": ["irina-valcheva"],
        "tags": ["city council", "budget"],
        "hours_ago": 95,
        "hero": {
            "motif": "skyline",
            "caption": "City hall and the old town seen from the Tannery Hill viewpoint.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany's fourteen city-owned companies employ more than 9,000 people and hold assets worth about 3.2 billion ducats, according to the first comprehensive audit of the municipal sector, published by the mayor's office on Thursday. The report, prepared by an external firm over eight months, is the first time the city has set out the finances of all its companies side by side.</p>",
            ),
            (
                "paragraph",
                "<p>The picture is mixed. The water company, Korvany Vodokanal, is profitable and paid the city a dividend of 15 million ducats this year, money the mayor has proposed to put towards an emergency heating scheme. The district heating company broke even. But the bus operator, the company that runs the city's covered markets and a small property firm set up to manage municipal offices all reported losses for a third consecutive year.</p>",
            ),
            ("subheading", "Debts at the depots"),
            (
                "paragraph",
                "<p>The bus operator's debts have doubled in five years, to 480 million ducats, largely because fares have been frozen while fuel and wage costs rose. The auditors said the company had delayed replacing ageing vehicles and now runs a fleet with an average age of fourteen years. About a fifth of its buses are out of service on a typical day, mostly awaiting spare parts.</p>",
            ),
            (
                "quote",
                {
                    "text": "For years nobody could tell you what the city owned or what it owed. Now anyone can read it. Some of it is uncomfortable, which is exactly why it needed to be published.",
                    "attribution": "Daria Kosten, mayor of Korvany",
                },
            ),
            (
                "paragraph",
                "<p>The audit also criticised governance. Eight of the fourteen companies had supervisory boards made up entirely of city officials and councillors, with no independent members, and four had not published annual reports on time. The auditors recommended that every board include at least two independent directors with relevant experience and that all board minutes be published, with exceptions only for commercially sensitive decisions.</p>",
            ),
            (
                "paragraph",
                "<p>Opposition councillors welcomed the report but said it confirmed what they had argued for years. The full audit is available on the <a href=\"https://example.org/korvany-municipal-audit\">city's website</a>. The council will debate its recommendations in January, and the mayor has asked each company to respond in writing before then, setting out how it intends to address the auditors' findings.</p>",
            ),
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": "An earlier version of this article said the bus operator's debts had tripled in five years. They have doubled, to 480 million ducats.",
                "hours_after": 4,
            }
        ],
        "updated_hours_after": None,
    },
    {
        "slug": "half-marathon-moves-to-riverside-route",
        "section": "sport",
        "title": "Korvany half marathon moves to riverside route after bridge works",
        "standfirst": "Repairs to the Old Bridge mean this year's race will follow both banks of the Ivra, a flatter course that organisers hope will bring faster times.",
        "authors": ["petro-halan"],
        "tags": ["river ivra", "transport"],
        "hours_ago": 105,
        "hero": {
            "motif": "river",
            "caption": "The riverside path along the east bank of the Ivra, which forms the second half of the new course.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The Korvany half marathon will follow a new route along both banks of the Ivra this year after organisers were told the Old Bridge, which the race has crossed twice since it began in 1998, will be closed for repairs on race day. The new course crosses the river on the Railway Footbridge and the Northern Bridge instead, and avoids the climb up Cathedral Hill altogether.</p>",
            ),
            (
                "paragraph",
                "<p>Race director Stepan Kurylo said the change had been forced on the organisers but that runners would probably welcome it. The course is almost completely flat, with a total climb of just eleven metres, compared with more than sixty on the old route. He expects the race record of one hour, two minutes and forty seconds, set eight years ago, to come under threat.</p>",
            ),
            (
                "quote",
                {
                    "text": "We lost our famous hill and gained two kilometres of riverbank. I suspect the runners will forgive us, and the people who cheer on Cathedral Hill will have to find a new spot.",
                    "attribution": "Stepan Kurylo, race director",
                },
            ),
            ("subheading", "Roads and trams"),
            (
                "paragraph",
                "<p>The new route means fewer road closures in the old town but longer ones along Embankment Road and River Street, which will be closed from seven in the morning until one in the afternoon. Trams on lines 1 and 2 will not cross the river during the race, and the city will run replacement buses over the Southern Bridge. Residents of closed streets will receive letters next week.</p>",
            ),
            (
                "paragraph",
                "<p>Local running clubs say the new route should suit beginners. The Brick Fields Harriers, which has trained dozens of first-time runners this year, including a group of displaced residents who started running together at the registration centre, said the flatter course would make the event less daunting. Drinks stations will be placed every five kilometres, and the organisers have added extra medical staff at the finish.</p>",
            ),
            (
                "paragraph",
                "<p>About 6,500 runners have entered, a record, including a team from the Ivra Valley Welcome Network made up of volunteers and displaced residents who are raising money for the registration centre being prepared on Quay Street. Entries close on Friday. The race starts at nine o'clock on Guild Square, and a shorter five-kilometre family run will set off from the same place at half past eleven.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "rising-rents-push-bakeries-out-of-old-town",
        "section": "business",
        "title": "Rising rents push small bakeries out of the old town",
        "standfirst": "Five family bakeries have closed or moved in eighteen months as leases are renewed at up to twice the old price. Some are finding new life in the suburbs.",
        "authors": ["danylo-kress", "lena-orvat"],
        "tags": ["economy", "housing"],
        "hours_ago": 116,
        "hero": {
            "motif": "market",
            "caption": "A bread stall at the Guild Square market, where some bakers who lost their shops now sell on Saturdays.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                '<p>For forty-one years, the Sirko family baked rye loaves in a vaulted cellar on Chandlers\' Lane, two minutes\' walk from Cathedral Square. In September they baked their last. When their lease came up for renewal, the landlord asked for 180 per cent of the previous rent. "We did the sums on the back of a flour sack," said Olena Sirko. "Every loaf would have cost us money."</p>',
            ),
            (
                "paragraph",
                "<p>The Sirkos are not alone. According to the Bakers' Guild of Korvany, which Ms Sirko now chairs, five of the eleven independent bakeries that operated inside the old town walls two years ago have closed or moved out. Their premises have mostly become cafés aimed at visitors, short-term rental offices or, in one case, a shop selling phone accessories.</p>",
            ),
            ("subheading", "A city under pressure"),
            (
                "paragraph",
                "<p>Commercial rents in the old town have risen by about 45 per cent in three years, estate agents say, driven by the same pressures that have pushed up residential rents: a growing population, a shortage of space and investors who see Korvany as a city on the rise. Landlords argue that rents had been artificially low for a decade and that property taxes and repair costs have climbed sharply.</p>",
            ),
            (
                "quote",
                {
                    "text": "A baker is up at three and sells bread at a price people can afford every day. That business cannot compete for a shop front with someone selling coffee to tourists at four times the margin.",
                    "attribution": "Olena Sirko, chair of the Bakers' Guild of Korvany",
                },
            ),
            (
                "image",
                {
                    "motif": "skyline",
                    "caption": "The old town, where commercial rents have risen by about 45 per cent in three years.",
                    "credit": "Marta Shulyak / The Korvany Ledger",
                },
            ),
            (
                "paragraph",
                "<p>Some bakers have found new homes. Two have moved to Brick Fields, where rents are a third of old town prices and where, one owner said, customers buy bread rather than photographs of bread. Another now bakes in a shared kitchen at a community centre in Zarichna and sells at the Saturday market on Guild Square. Several newcomers from the border provinces have opened bakeries in the suburbs, adding flatbreads and sweet pastries to the city's repertoire.</p>",
            ),
            (
                "paragraph",
                "<p>At city hall, the question of whether to intervene has divided councillors. The Green Lowlands bloc has proposed that the city use its own commercial properties, about sixty units in the old town, to offer below-market leases to businesses that serve residents, such as bakers, cobblers and pharmacies. The mayor's office says it is studying the idea but warns that lower rents would reduce income needed for other services.</p>",
            ),
            (
                "paragraph",
                '<p>For the Sirkos, any policy will come too late. Their ovens were sold to a bakery in a town upriver, and the cellar on Chandlers\' Lane is being fitted out as a wine bar. Ms Sirko still bakes at home on Sundays for neighbours who ask. "They come with their own bags, like before," she said. "The old town will survive without us, but I am not sure it will still be a town."</p>',
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "appeals-court-reduces-dumping-fines",
        "section": "justice",
        "title": "Appeals court reduces fines in riverside dumping case",
        "standfirst": "Judges cut the penalty on a demolition firm by two-thirds but upheld its conviction for dumping construction waste on the Ivra floodplain.",
        "authors": ["sofia-mereni", "mira-dossel"],
        "tags": ["courts", "river ivra"],
        "hours_ago": 128,
        "hero": {
            "motif": "courtroom",
            "caption": "The Regional Court of Appeal, where the case was heard over two days.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The Regional Court of Appeal has reduced the fine imposed on a Korvany demolition company for dumping construction waste on the Ivra floodplain from 6 million ducats to 2 million, but upheld the firm's conviction and an order that it pay for the site to be cleaned up. The ruling, delivered on Monday, ends a case that began when a fisherman photographed lorries unloading at night.</p>",
            ),
            (
                "paragraph",
                "<p>The company, Stenex Demolition, was convicted last year of depositing about 4,000 tonnes of broken concrete, plasterboard and asbestos-containing roofing sheets on meadowland below the old weir over a period of seven months. Investigators from the Lowland Environment Inspectorate found waste traced to three demolition projects in the city, and lorry tracking data placed the company's vehicles at the site on more than fifty nights.</p>",
            ),
            ("subheading", "The size of the fine"),
            (
                "paragraph",
                "<p>The appeal judges agreed that the evidence of dumping was overwhelming. But they found that the lower court had calculated the fine using the company's turnover across a group of related firms, rather than the turnover of Stenex itself, which the law requires. Recalculated correctly, the maximum fine available was just under 2.5 million ducats, and the court imposed 2 million after taking into account the company's cooperation with the clean-up.</p>",
            ),
            (
                "quote",
                {
                    "text": "The reduction is a question of arithmetic, not of innocence. The conviction stands and the company will still pay for every tonne to be removed.",
                    "attribution": "Yulia Stepko, regional prosecutor",
                },
            ),
            (
                "paragraph",
                "<p>Environmental groups said the ruling exposed how low penalties for illegal dumping remain. The clean-up, which is already under way, is expected to cost about 9 million ducats, far more than the fine. Scientists monitoring the site say that fragments of roofing sheet were found within a few metres of the river channel, and that sediment samples are being tested to check whether fibres have spread downstream.</p>",
            ),
            ("read_also", "rare-river-mussel-colony-below-old-weir"),
            (
                "paragraph",
                "<p>The site lies a short distance upstream of the stretch where biologists recently found a colony of rare freshwater mussels, which are highly sensitive to sediment and pollution. The inspectorate said it would extend its monitoring to the mussel beds. Stenex's lawyer said the company accepted the ruling and would not appeal further. Two of its former managers still face separate charges.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "why-last-winters-smog-was-the-worst-in-a-decade",
        "section": "science",
        "title": "Why last winter's smog readings in Korvany were the worst in a decade",
        "standfirst": "A study of air quality data points to cold, still weather trapping smoke from home stoves, as households switched to wood and coal to save money.",
        "authors": ["mira-dossel"],
        "tags": ["health", "weather", "energy"],
        "hours_ago": 141,
        "hero": {
            "motif": "mountains",
            "caption": "Hills above the Ivra valley, which help trap cold air and pollution over the city during still winter weather.",
            "credit": "Irena Sova / Korvany Polytechnic University",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany recorded 38 days last winter on which fine particle pollution exceeded the national health limit, more than in any winter for ten years, according to an analysis of monitoring data by researchers at Korvany Polytechnic University. On the worst day, in late January, concentrations in the Mill Quarter were almost five times the limit, and the city advised older residents and children to stay indoors.</p>",
            ),
            (
                "paragraph",
                "<p>The study points to two causes that combined. The first was the weather. The Ivra valley is surrounded by hills, and on cold, windless days a layer of warm air can settle above the city like a lid, a phenomenon known as a temperature inversion. Last winter had an unusually long run of such days, and the pollution produced in the city had nowhere to go.</p>",
            ),
            ("subheading", "Stoves and prices"),
            (
                "paragraph",
                "<p>The second cause was what was being burned. Using sensors that distinguish between different kinds of particle, the team found that the share of pollution from wood and coal smoke rose sharply compared with previous winters, while traffic pollution stayed roughly flat. Surveys by the city suggest that thousands of households in older houses switched from gas or electric heating to solid fuel stoves to save money as prices rose.</p>",
            ),
            (
                "quote",
                {
                    "text": "People were not choosing to pollute. They were choosing to stay warm at a price they could afford. If we want clean air, we have to make clean heat affordable too.",
                    "attribution": "Dr Irena Sova, atmospheric scientist, Korvany Polytechnic University",
                },
            ),
            (
                "paragraph",
                "<p>Fine particles are small enough to pass deep into the lungs and into the bloodstream, and long-term exposure is linked to heart and lung disease. Doctors at Korvany Regional Hospital said admissions for asthma and chronic lung conditions rose during the worst weeks last winter, although the researchers caution that cold weather and seasonal infections also play a part.</p>",
            ),
            (
                "paragraph",
                "<p>The researchers recommend that help with heating bills be designed so it does not push households towards burning solid fuel, and that the city expand its programme of replacing old stoves with heat pumps or connections to the district heating network. They also want a public warning system, so residents receive a text message a day ahead when an inversion is forecast.</p>",
            ),
            ("read_also", "council-approves-emergency-heating-fund"),
            (
                "paragraph",
                '<p>City officials said the proposed emergency heating fund, which would cover part of the cost of gas, electricity and district heating, was partly intended to discourage switching to coal. The environment department said it would publish live readings from all twelve of the city\'s monitoring stations on its <a href="https://example.org/korvany-air">air quality page</a> from December, and would test a forecast-based warning this winter.</p>',
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "night-buses-return-on-six-routes",
        "section": "city",
        "title": "Night buses return on six routes after drivers' pay deal",
        "standfirst": "Services suspended in the spring will resume from Friday after the city bus operator and the drivers' union agreed a new night shift allowance.",
        "authors": ["irina-valcheva"],
        "tags": ["transport"],
        "hours_ago": 155,
        "hero": None,
        "body": [
            (
                "paragraph",
                "<p>Night buses will run again on six Korvany routes from Friday, ending a seven-month suspension that left shift workers, hospital staff and students without public transport after midnight. The city bus operator and the Union of Transport Workers signed an agreement on Tuesday that raises the allowance for night shifts by 35 per cent and guarantees drivers two consecutive days off after a run of night duties.</p>",
            ),
            (
                "paragraph",
                "<p>The operator suspended the night network in April, saying it could not find enough drivers willing to work overnight. The union said at the time that night shift pay had not changed in nine years and that drivers had faced abuse on late buses with no security support. Under the new deal, the four busiest routes will also carry a second staff member on Friday and Saturday nights.</p>",
            ),
            (
                "paragraph",
                "<p>The suspension had a measurable effect. A survey by the regional hospital found that a quarter of its night staff had changed shifts or reduced their hours since April because they could not get home, and the Polytechnic's student union said several students had given up evening jobs in bars and restaurants in the city centre. Taxi firms reported a sharp rise in bookings between midnight and two o'clock.</p>",
            ),
            (
                "quote",
                {
                    "text": "Nurses finishing at midnight have been walking home across the city or paying for taxis they cannot afford. This is the most important bus timetable we will publish this year.",
                    "attribution": "Oleksa Brann, deputy mayor for transport",
                },
            ),
            (
                "paragraph",
                "<p>Buses on routes N1 to N6 will run every thirty minutes between midnight and five o'clock, meeting at Cathedral Square, with a connection to the regional hospital. The deal will cost the bus operator about 14 million ducats a year, which the city has agreed to cover from its transport budget. Timetables are available on the <a href=\"https://example.org/korvany-night-buses\">operator's website</a>.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": 3,
    },
    {
        "slug": "damaged-interconnector-strains-lowland-grid",
        "section": "region",
        "title": "Damaged interconnector leaves the lowland grid short at peak hours",
        "standfirst": "With a key cross-border power line out of service, the Ivra valley is relying on older plants and imports from the west. Engineers say the margin is thin but holding.",
        "authors": ["tomas-aldin", "andrei-volsky"],
        "tags": ["power grid", "energy"],
        "hours_ago": 169,
        "hero": {
            "motif": "mountains",
            "caption": "The eastern hills, crossed by the high-voltage interconnector that has been out of service since the summer.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>A high-voltage power line that once carried electricity across Dalmira's eastern border has now been out of service for four months, and grid engineers say its absence is being felt every weekday evening in the Ivra valley. The line, known as the Eastern Interconnector, was damaged on the far side of the border during fighting in the summer, and repairs there are not possible while the conflict continues.</p>",
            ),
            (
                "paragraph",
                "<p>Before the damage, the interconnector could bring up to 600 megawatts into the lowland grid, about a fifth of the region's demand on a winter evening. Most of that power flowed at peak times, when neighbouring producers had surplus capacity. Without it, Lowland Grid, the state transmission company, has had to rely on two ageing gas plants near Merogard and on more expensive imports through lines to the west.</p>",
            ),
            ("subheading", "Thin margins"),
            (
                "paragraph",
                "<p>On the coldest evenings last month, the margin between available supply and demand across the region fell to about four per cent, according to figures published by the company, compared with a comfortable fifteen per cent a year earlier. Engineers describe anything below five per cent as tight. So far there have been no planned power cuts, but the company has asked large industrial users to be ready to reduce consumption at short notice.</p>",
            ),
            (
                "quote",
                {
                    "text": "The system is doing what it was designed to do. But we are running it closer to the edge than any of us would like, and we have fewer spare parts than usual.",
                    "attribution": "Maryna Savchak, head of system operations, Lowland Grid",
                },
            ),
            (
                "paragraph",
                "<p>The shortage has also brought home how tightly the valley's energy system is tied to events across the border. Power engineers in Korvany say that requests for mutual help from operators on the other side have become routine, and that lowland crews have twice been asked to supply transformers and cable from their own reserves. The government has approved both requests.</p>",
            ),
            (
                "paragraph",
                "<p>On the other side of the border, the consequences are harsher. Aid groups working in the border provinces report that some towns receive electricity for only a few hours a day, and that hospitals rely on generators, many of them collected and sent from the Ivra valley. Several engineers from Lowland Grid have volunteered to advise their counterparts there on keeping damaged networks running.</p>",
            ),
            (
                "paragraph",
                "<p>Longer term, the government wants to reduce the region's dependence on a single line. Lowland Grid plans to build a second connection to the western network by the end of the decade, and the energy ministry is offering grants for rooftop solar panels and local storage. In Korvany, the city's distribution company is drawing up plans for large batteries at several substations.</p>",
            ),
            ("read_also", "inside-the-control-room-keeping-the-lights-on"),
            (
                "paragraph",
                "<p>For households, the advice is modest. Lowland Grid is asking people to avoid running washing machines, dishwashers and electric ovens between five and eight in the evening on the coldest days, and says it will send alerts through its mobile app when the margin falls below five per cent. It insists these are requests, not rationing, and that hospitals and water pumps will be protected whatever happens.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "review-marriage-of-figaro-korvany-opera",
        "section": "culture",
        "title": "Review: a bold, uneven Marriage of Figaro at the Korvany Opera",
        "standfirst": "",
        "authors": ["lena-orvat"],
        "tags": ["arts"],
        "hours_ago": 184,
        "hero": {
            "motif": "stage",
            "caption": "The final act of the Korvany Opera's new production, set in a hotel on the eve of its closure.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Director Taras Hnatiuk has moved Mozart's comedy of servants and masters from an aristocratic household to a grand hotel in its final week of business, and for much of the evening the idea pays off. Figaro and Susanna are a porter and a chambermaid planning their wedding in a staff corridor, while the Count, here the hotel's owner, schemes to sell the building and keep Susanna in his debt.</p>",
            ),
            (
                "paragraph",
                "<p>The revolving set, designed by Alla Krus, is the evening's triumph. Rooms turn to reveal other rooms, lift doors open on the wrong floor, and the famous closet scene in the second act becomes a farce of linen trolleys and connecting doors that had the audience laughing out loud. It is rare to see the machinery of a comedy made so visible and so funny.</p>",
            ),
            ("subheading", "Voices and balance"),
            (
                "paragraph",
                "<p>Musically, the performance is more uneven. <b>Solomiya Dziuba</b> is a superb Susanna, bright and quick-witted, with a fourth-act aria sung with such tenderness that the hall fell completely silent. Bohdan Yarema's Figaro is genial but occasionally swamped by the orchestra. As the Countess, Ilona Marchenko brings real grief to her second-act lament, though her voice tired in the long final act.</p>",
            ),
            (
                "quote",
                {
                    "text": "We wanted a building where everyone is about to lose their place. In that hotel, a wedding is not just a love story. It is a contract for what happens next.",
                    "attribution": "Taras Hnatiuk, director",
                },
            ),
            (
                "paragraph",
                "<p>In the pit, conductor Yevheniia Lozova takes brisk tempos that suit the comedy but sometimes leave the singers chasing the orchestra, and the balance between stage and pit improved noticeably after the interval. The chorus, dressed as hotel staff clearing out their lockers, sing with warmth and character, and the small roles are cast from strength, including a scene-stealing Barbarina from the young soprano Dana Kovtun.</p>",
            ),
            (
                "paragraph",
                "<p>It is also worth noting how full the house was on a wet Thursday. The Korvany Opera has worked hard to broaden its audience, with cheaper seats in the upper circle and a scheme offering free tickets to displaced residents, and the crowd was noticeably younger and more varied than a few seasons ago. Many of them had clearly never seen the opera before, and laughed in all the right places.</p>",
            ),
            (
                "paragraph",
                "<p>Not every idea lands. The decision to stage the final garden scene in an empty hotel car park robs the last act of its magic, and the Count's forgiveness is played so coldly that the happy ending feels provisional. Perhaps that is the point. Still, this is a lively, intelligent production that deserves full houses. It runs in repertory until the end of February, with surtitles in Dalmiran and English.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "national-bank-holds-rates-food-prices",
        "section": "business",
        "title": "National bank holds interest rates but warns on food prices",
        "standfirst": "The central bank kept its main rate at 9.5 per cent for a third meeting and said inflation would stay above its target until late next year.",
        "authors": ["danylo-kress"],
        "tags": ["economy"],
        "hours_ago": 200,
        "hero": {
            "motif": "market",
            "caption": "Vegetables on sale at the covered market on Guild Square, where prices have risen faster than average.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>The National Bank of Dalmira left its main interest rate unchanged at 9.5 per cent on Thursday, as expected, but warned that food prices were rising faster than it had forecast and that inflation would remain above its five per cent target until the end of next year. It was the third consecutive meeting at which the bank's board voted to hold.</p>",
            ),
            (
                "paragraph",
                "<p>Consumer prices rose by 8.1 per cent in the year to October, down from a peak of 13 per cent last winter. But food inflation, which had been falling, picked up again to 11 per cent, driven by a poor vegetable harvest, higher transport costs and the price of fertiliser. The bank said that households with lower incomes, who spend a larger share of their budgets on food, were being hit hardest.</p>",
            ),
            (
                "quote",
                {
                    "text": "We see inflation heading in the right direction, but too slowly, and food prices are a warning that the journey will not be smooth.",
                    "attribution": "Ruslan Ostap, governor of the National Bank of Dalmira",
                },
            ),
            ("subheading", "Borrowers wait longer"),
            (
                "paragraph",
                "<p>Governor Ruslan Ostap said the board had discussed a cut but decided that lowering rates now risked pushing prices up again. Economists had expected that view, though several now think the first cut will come later than the spring date many had pencilled in. For borrowers in Korvany, where mortgage lending has grown quickly as the population has risen, that means expensive loans for longer.</p>",
            ),
            (
                "paragraph",
                "<p>Savers, at least, are benefiting. Deposit rates at the main banks have risen to between seven and eight per cent for one-year accounts, the highest level in more than a decade, and the bank said household deposits grew strongly over the summer. Some economists argue that this is helping to cool spending, which in turn should ease pressure on prices in the coming months.</p>",
            ),
            (
                "paragraph",
                "<p>Local businesses are feeling the effect. The Korvany chamber of commerce said in its quarterly survey that a third of member firms had postponed investment because of borrowing costs, and that retailers were reporting customers trading down to cheaper brands. At the Guild Square covered market, traders said sales of meat had fallen while demand for eggs, beans and cheaper cuts had grown.</p>",
            ),
            (
                "paragraph",
                "<p>The bank's next rate decision is due in late January, when it will also publish new forecasts. Its full statement and the minutes of the board's discussion are published on its <a href=\"https://example.org/national-bank-statement\">website</a>. The finance ministry said separately that it would extend the reduced sales tax on bread, milk and baby food for another six months.</p>",
            ),
        ],
        "corrections": [
            {
                "kind": "correction",
                "text": "An earlier version of this article misstated the National Bank's main interest rate in the headline summary. It is 9.5 per cent, not 9 per cent.",
                "hours_after": 2,
            }
        ],
        "updated_hours_after": None,
    },
    {
        "slug": "academy-graduate-becomes-youngest-scorer",
        "section": "sport",
        "title": "Academy graduate, 17, becomes Ivra Korvany's youngest league scorer",
        "standfirst": "",
        "authors": ["petro-halan"],
        "tags": ["football"],
        "hours_ago": 217,
        "hero": {
            "motif": "field",
            "caption": "The Riverside Stadium under floodlights during Saturday's match against Selvan Miners.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Yarik Solonko was not born when FK Ivra Korvany last won the league. On Saturday, aged seventeen years and 41 days, he became the youngest player ever to score for the club in a league match, turning in a low cross eight minutes after coming on as a substitute to seal a 2-0 win over Selvan Miners at the Riverside Stadium.</p>",
            ),
            (
                "paragraph",
                "<p>Solonko, a forward who joined the club's academy at the age of nine, broke a record that had stood since 1976. He was mobbed by teammates and then, after the final whistle, by his younger brothers, who had been watching from the family stand. His mother, a nurse at the regional hospital, said she had swapped a shift to be there and had not expected him to get on the pitch at all.</p>",
            ),
            (
                "quote",
                {
                    "text": "I just tried to be in the right place. The ball came across and I closed my eyes a little bit. When I opened them everybody was running at me.",
                    "attribution": "Yarik Solonko, FK Ivra Korvany forward",
                },
            ),
            (
                "paragraph",
                "<p>Coach Marko Teslenko was careful to keep expectations in check. He said Solonko would continue to train mainly with the under-19 team and would be introduced to the first team gradually, and that he was more pleased by the teenager's work without the ball than by the goal. Several clubs in the capital are understood to have asked about the player in the past year.</p>",
            ),
            (
                "paragraph",
                "<p>The club's academy, which was nearly closed for lack of money a decade ago, now supplies six members of the first-team squad. Its director, Halyna Tur, said the record belonged as much to the volunteer coaches in the city's youth leagues as to the academy. Ivra's earlier goal on Saturday came from Pavlo Dorosh, his eighth of the season.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "assembly-opens-council-meetings-to-streaming",
        "section": "politics",
        "title": "New law will open every council meeting in the country to live streaming",
        "standfirst": "The National Assembly passed the transparency law by a wide margin. Korvany, which already streams its full council sessions, will now have to stream committees too.",
        "authors": ["irina-valcheva"],
        "tags": ["city council"],
        "hours_ago": 235,
        "hero": {
            "motif": "portrait-crowd",
            "caption": "Residents in the public gallery during a Korvany City Council session.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Every municipal council in Dalmira will have to stream its meetings live online and publish recordings within 48 hours, under a law passed by the National Assembly on Wednesday by 241 votes to 38. The requirement covers full council sessions and committees, including planning and finance committees, where many of the most consequential local decisions are made.</p>",
            ),
            (
                "paragraph",
                "<p>Korvany already streams its full council sessions, a practice introduced six years ago after a campaign by residents and journalists. But its committees have met without cameras, and minutes are often published weeks later. Under the new law, the city will have until next July to equip its three committee rooms and to publish an archive that can be searched by date and topic.</p>",
            ),
            ("subheading", "Exceptions and costs"),
            (
                "paragraph",
                "<p>The law allows councils to hold parts of meetings in private when discussing individual employees, the personal circumstances of residents, legal advice or commercially sensitive contracts, but they must announce the reason in public first. Small municipalities can apply for grants to cover equipment. The national association of municipalities had warned that some rural councils meet in rooms with no reliable internet connection.</p>",
            ),
            (
                "paragraph",
                "<p>Campaigners for open government welcomed the law but said it should have gone further, by also requiring councils to publish the documents discussed at meetings at least a week in advance. Without those papers, they argue, a live stream can show what is said without explaining what is being decided. The government has promised to consider that proposal in a second package of measures next year.</p>",
            ),
            (
                "quote",
                {
                    "text": "If a committee decides where a tram line goes or how much a contract is worth, residents should be able to watch it happen, not read about it a month later.",
                    "attribution": "Viktor Palan, leader of the Green Lowlands bloc on Korvany City Council",
                },
            ),
            (
                "paragraph",
                "<p>In Korvany, both the mayor's Civic Alliance and the opposition said they supported the change. The council's chief executive said the cost of equipping the committee rooms would be about 2 million ducats, and that the city would aim to comply early, starting with the transport committee in the new year, which oversees the delayed tram line 4 extension.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "rare-river-mussel-colony-below-old-weir",
        "section": "science",
        "title": "Researchers find rare river mussel colony below the old weir",
        "standfirst": "Thick-shelled river mussels, thought to have vanished from the Ivra decades ago, have been found living in gravel beds on the city's northern edge.",
        "authors": ["mira-dossel"],
        "tags": ["research", "river ivra"],
        "hours_ago": 254,
        "hero": {
            "motif": "river",
            "caption": "The stretch of the Ivra below the old weir, where the mussel colony was found.",
            "credit": "Lev Antoniuk / Korvany Polytechnic University",
        },
        "body": [
            (
                "paragraph",
                "<p>Biologists surveying the Ivra on Korvany's northern edge have found a living colony of thick-shelled river mussels, a species that was believed to have disappeared from the river in the 1970s, when it was heavily polluted by tanneries and textile mills. The team counted more than 300 individuals in gravel beds below the old weir, including young mussels, a sign that the colony is breeding.</p>",
            ),
            (
                "paragraph",
                "<p>The discovery was made in late summer by a group from Korvany Polytechnic University's freshwater ecology unit, who were surveying fish populations when a student noticed empty shells of an unfamiliar shape. Divers later found the living colony in water about a metre and a half deep. The finding has been confirmed by specialists at the national museum of natural history.</p>",
            ),
            ("subheading", "A sensitive indicator"),
            (
                "paragraph",
                "<p>River mussels are filter feeders, drawing in water to catch tiny particles of food, and they are highly sensitive to pollution and to fine sediment that can smother the gravel they live in. Their young also depend on fish: larvae attach themselves harmlessly to the gills of certain species for several weeks before dropping off to settle on the riverbed. A breeding colony therefore suggests that both the water and the fish community are in reasonable health.</p>",
            ),
            (
                "quote",
                {
                    "text": "For fifty years this river was written off. Finding these animals here, breeding, is the best evidence we have that the clean-up has worked.",
                    "attribution": "Dr Lev Antoniuk, freshwater ecologist, Korvany Polytechnic University",
                },
            ),
            (
                "image",
                {
                    "motif": "lab",
                    "caption": "Shells from the colony being measured in the Polytechnic's freshwater ecology laboratory. Living animals were returned to the river.",
                    "credit": "Lev Antoniuk / Korvany Polytechnic University",
                },
            ),
            (
                "paragraph",
                "<p>The researchers believe the colony may have survived in small numbers throughout the polluted decades, sheltered by the weir's unusual flow pattern, and recovered as water quality improved after the riverside industries closed. Dating the shells by their growth rings, much as one might count rings in a tree, the team found animals that are at least forty years old, which supports that theory.</p>",
            ),
            (
                "paragraph",
                "<p>The discovery also raises concerns. The colony lies a short distance downstream of the floodplain where a demolition company illegally dumped construction waste, and the port authority's plans to deepen parts of the river could increase sediment. The Lowland Environment Inspectorate said it would ask for the site to be designated a protected area, which would require any works nearby to be assessed for their effect on the mussels.</p>",
            ),
            (
                "paragraph",
                "<p>Local anglers, who had long suspected that something unusual lived below the weir, say they are delighted. The chairman of the Korvany Angling Society, Fedir Horak, said members had occasionally found unfamiliar shells on the bank for years but assumed they were old ones washed down from somewhere else. The society has offered to help the researchers survey other stretches of the river next spring.</p>",
            ),
            (
                "paragraph",
                "<p>The team is asking anglers and canoeists not to disturb the gravel beds and not to collect shells. They plan to return in the spring to tag a sample of mussels and to search other stretches of the river, including the upper Ivra, where they hope to find more survivors. The results will be submitted to a freshwater biology journal early next year.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "district-court-backlog-clerks",
        "section": "justice",
        "title": "Judges warn of backlog as district court loses a fifth of its clerks",
        "standfirst": "More than 7,000 cases are waiting for a first hearing at Korvany District Court, and some civil disputes now take over a year to reach a judge.",
        "authors": ["sofia-mereni"],
        "tags": ["courts", "budget"],
        "hours_ago": 274,
        "hero": {
            "motif": "courtroom",
            "caption": "The entrance to Korvany District Court, where hearings are being rescheduled because of staff shortages.",
            "credit": "Marta Shulyak / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Judges at Korvany District Court have written to the justice ministry warning that the court can no longer hear cases within a reasonable time, after losing 23 of its 110 clerks and administrative staff in eighteen months. The letter, signed by the court's president and seen by the Ledger, says the backlog of cases awaiting a first hearing has grown to more than 7,000, up from about 4,200 two years ago.</p>",
            ),
            (
                "paragraph",
                "<p>Clerks prepare case files, send summonses, schedule hearings and record proceedings, and without them judges cannot sit. The letter says that on some days courtrooms stand empty because no clerk is available to run them. The worst delays are in civil cases, such as disputes between landlords and tenants or unpaid wages, where the average wait for a first hearing has risen to thirteen months.</p>",
            ),
            ("subheading", "Pay that cannot compete"),
            (
                "paragraph",
                "<p>Staff who have left say the main reason is pay. A newly appointed court clerk earns about 60 per cent of the average wage in Korvany, less than a shop assistant at one of the city's supermarkets, and salaries have not kept up with inflation or with rents, which have risen sharply in the city. Several former clerks have taken jobs with law firms, banks and the port authority.</p>",
            ),
            (
                "quote",
                {
                    "text": "Justice delayed is not an abstraction here. It is a tenant living with mould for a year, or a worker waiting thirteen months to be paid what he is owed.",
                    "attribution": "Judge Olena Verhun, president of Korvany District Court",
                },
            ),
            (
                "paragraph",
                "<p>Criminal cases involving defendants held in custody are given priority, the letter says, so serious trials have largely been protected. But that priority pushes other work further back. Lawyers say some defendants on bail have waited more than two years for trial, and that witnesses' memories fade in the meantime, which can affect outcomes for both prosecution and defence.</p>",
            ),
            ("read_also", "port-procurement-trial-opens"),
            (
                "paragraph",
                "<p>The justice ministry said it was aware of staffing problems in several regional courts and that next year's budget included a nine per cent increase in pay for court staff. The judges say that is not enough and are asking for a temporary allowance for courts in cities where living costs have risen fastest, along with permission to hire retired clerks on short contracts to clear the oldest cases.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "inside-the-control-room-keeping-the-lights-on",
        "section": "city",
        "title": "Inside the control room keeping Korvany's lights on",
        "standfirst": "On a cold weekday evening, a team of six engineers watches every cable, transformer and switch in the city. We spent a night shift with them.",
        "authors": ["tomas-aldin"],
        "tags": ["power grid", "energy"],
        "hours_ago": 295,
        "hero": {
            "motif": "grid",
            "caption": "High-voltage lines on the approach to the city, seen at dusk from the Tannery Hill road.",
            "credit": "Oles Dmytryk / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>At ten minutes to five on a Tuesday evening in November, the wall at the front of Korvany Power Networks' control room begins to change colour. The wall is a single screen, eleven metres wide, showing every substation, cable and switch in the city as a web of lines. As people come home, switch on kettles and ovens and turn up heaters, the lines shift from green to amber, one district at a time.</p>",
            ),
            (
                "paragraph",
                '<p>"Here comes the evening," says <b>Stepan Iliev</b>, the shift supervisor, who has worked in this room for twenty-two years. Six engineers sit at curved desks facing the wall, each responsible for a group of districts. Their job is to keep electricity flowing to 240,000 customers by routing power around faults, balancing load between substations and deciding, when something breaks, which streets get their power back first.</p>',
            ),
            ("subheading", "The busiest three hours"),
            (
                "paragraph",
                "<p>Between five and eight o'clock, demand in the city rises by almost half. Tonight the outside temperature is minus four, and by six the feeder cables out of the North Quay substation are running at 92 per cent of their rated capacity. An engineer, Daryna Koval, moves part of the load onto a neighbouring circuit with three clicks, then watches the numbers for a full minute before she is satisfied. Nobody outside will notice.</p>",
            ),
            (
                "paragraph",
                "<p>Most of the work looks like this: small adjustments made calmly, long before anything goes wrong. The engineers talk in a shorthand of substation names and feeder numbers, and the room is quieter than an office. A kettle in the corner is the only appliance that is switched off at peak time, Mr Iliev jokes, because the team takes its own advice. On the wall, a chart shows the margin between supply and demand on the regional grid.</p>",
            ),
            (
                "quote",
                {
                    "text": "People think our job is fixing blackouts. Really, our job is making sure most blackouts never happen. When we do it well, nobody knows we exist.",
                    "attribution": "Stepan Iliev, shift supervisor, Korvany Power Networks",
                },
            ),
            (
                "image",
                {
                    "motif": "skyline",
                    "caption": "Lit windows across the Mill Quarter during the evening peak, when demand in the city rises by almost half.",
                    "credit": "Oles Dmytryk / The Korvany Ledger",
                },
            ),
            (
                "paragraph",
                "<p>At 7.40, an alarm sounds. A cable fault has cut power to 1,100 homes in part of Brick Fields. Within seconds, the screen shows where the fault is likely to be, and Ms Koval begins switching sections of the network to isolate it. By 7.52, all but 180 homes have power again, fed from a different direction. A repair crew is dispatched to the remaining street, where a digger working on a new water main is thought to have clipped the cable.</p>",
            ),
            (
                "paragraph",
                "<p>Watching Ms Koval work, it is easy to forget how much of this was once done by hand. When Mr Iliev started, faults were located by sending crews to walk the cable routes with testing equipment, and switching was done by telephone instructions to engineers standing in substations. Today most switches in the city can be operated remotely, though about a fifth still need someone to drive out and turn a handle.</p>",
            ),
            (
                "paragraph",
                '<p>The team is candid about the network\'s weak points. About a third of the city\'s transformers were installed before 1990, and spare parts for some of them are no longer made. Since the cross-border interconnector was damaged in the summer, the regional margin has been thinner than at any time the engineers can remember. "We used to have a cushion," Mr Iliev says. "Now we have a thin blanket."</p>',
            ),
            (
                "paragraph",
                "<p>The batteries the company is considering for several substations would change the rhythm of evenings like this one, the engineers say. Instead of shifting load between cables that are already close to their limits, they could draw on stored power in the districts that need it most. Mr Iliev is cautiously enthusiastic. He has seen plenty of new technology arrive in the room, he says, and the best of it simply gave his team more time to think.</p>",
            ),
            ("read_also", "overnight-outage-eastern-korvany"),
            (
                "paragraph",
                "<p>By nine the lines on the wall are turning green again, and the room relaxes. The night shift will be quieter, mostly planned maintenance and checks, unless the weather turns or something old finally gives way. The company is hiring: it needs twelve more control engineers over the next three years, as a generation trained in the 1980s retires. Mr Iliev says the best candidates are the ones who stay calm when the wall turns red.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "shipyard-wins-electric-ferry-contract",
        "section": "business",
        "title": "Ivra Shipworks wins contract for two electric river ferries",
        "standfirst": "",
        "authors": ["danylo-kress", "tomas-aldin"],
        "tags": ["port", "energy", "transport"],
        "hours_ago": 317,
        "hero": {
            "motif": "harbour",
            "caption": "The Ivra Shipworks yard on the north bank, where the ferries will be built.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Ivra Shipworks, the last shipyard still operating on the Korvany waterfront, has won a 74 million ducat contract to build two battery-powered ferries for the city's cross-river service, the transport department announced on Monday. The vessels will replace two diesel ferries built in the 1980s and are due to enter service in the spring of the year after next.</p>",
            ),
            (
                "paragraph",
                "<p>Each ferry will carry up to 120 passengers and 30 bicycles on the fifteen-minute crossing between Harbour Row and the Northern Quay. They will recharge at both landing stages during the few minutes it takes for passengers to get on and off, using chargers connected to the city grid. The transport department says the switch will cut the service's fuel costs by about two-thirds and remove its noise and exhaust from the riverside.</p>",
            ),
            (
                "quote",
                {
                    "text": "Ten years ago people asked when this yard would close. Now we are building the cleanest boats that have ever crossed this river, with welders who live a tram ride away.",
                    "attribution": "Teodor Manko, chief executive, Ivra Shipworks",
                },
            ),
            ("subheading", "Work for the yard"),
            (
                "paragraph",
                "<p>The contract is the largest the yard has won in more than a decade and will keep about 180 workers busy for eighteen months. Chief executive Teodor Manko said the company would hire around forty more people, including apprentices from the Polytechnic's vocational college. The hulls will be built in Korvany, while the batteries and electric motors will be supplied by a manufacturer in the west of the country.</p>",
            ),
            (
                "paragraph",
                "<p>Engineers at Korvany Power Networks said the chargers would draw significant power for short periods, and that the company had agreed with the city to install a battery at each landing stage to smooth demand. That means the ferries can charge quickly without putting extra strain on local cables during the evening peak, when the riverside districts already draw heavily on the network.</p>",
            ),
            (
                "paragraph",
                "<p>A losing bidder, a larger yard based downriver, has ten days to challenge the award. If no challenge is lodged, the first steel will be cut in February. The existing diesel ferries will stay in service until the new vessels are delivered and will then be offered for sale, the transport department said, possibly to a heritage group that wants to run summer excursions on the Ivra.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "choir-sings-in-three-languages",
        "section": "culture",
        "title": "The choir that sings in three languages for new arrivals",
        "standfirst": "Every Thursday evening, displaced families and long-time residents meet in a church hall in the Mill Quarter to rehearse. Their first concert sold out in a day.",
        "authors": ["lena-orvat", "andrei-volsky"],
        "tags": ["arts", "displaced families"],
        "hours_ago": 340,
        "hero": {
            "motif": "portrait-crowd",
            "caption": "Members of the Three Rivers Choir at a Thursday evening rehearsal in the Mill Quarter.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                '<p>The rehearsal starts, as it always does, with a song that everybody knows. Eighty voices fill the hall of St Anselm\'s church in the Mill Quarter with a lullaby sung first in Dalmiran, then in the languages of the border provinces, then in all three at once. The conductor, Mykola Fenn, lets the last chord ring out and smiles. "Now," he says, "let us do the difficult ones."</p>',
            ),
            (
                "paragraph",
                "<p>The Three Rivers Choir was founded eighteen months ago by Mr Fenn, a retired music teacher, and a group of volunteers at the city's first registration centre for displaced families. It started with eleven singers and a borrowed piano. Today it has more than ninety members, roughly half of them newcomers from the border provinces and half long-time residents of Korvany, ranging in age from fourteen to eighty-one.</p>",
            ),
            ("subheading", "Learning each other's songs"),
            (
                "paragraph",
                "<p>The repertoire is built from songs that members bring. A widow from a village near the border taught the choir a harvest song her grandmother sang; a Korvany tram driver brought a rowing song from the river festivals of his youth. Each is learned in its original language, with the meaning explained at rehearsal by whoever brought it. The result, Mr Fenn says, is a songbook that no single member could have written.</p>",
            ),
            (
                "quote",
                {
                    "text": "When I arrived I could not say good morning in Dalmiran. Now I sing a Korvany fishing song with my neighbour every Thursday, and she sings my mother's songs back to me.",
                    "attribution": "Liudmyla Koshova, choir member since its first rehearsal",
                },
            ),
            (
                "paragraph",
                "<p>For many members the choir is as much about company as about music. Volunteers run a table of tea and pastries during the break, and rehearsals regularly end with people swapping information about flats, jobs and doctors. Social workers at the registration centres say they now suggest the choir to families who seem isolated, alongside language classes and sports clubs.</p>",
            ),
            ("read_also", "third-registration-centre-for-displaced-families"),
            (
                "paragraph",
                "<p>The choir's first public concert, in the small hall of the Korvany Opera last month, sold out within a day, and a second date has been added in the new year. Mr Fenn says the choir welcomes anyone who wants to sing, whether or not they read music, and that the only requirement is to turn up on Thursdays. Rehearsals start at seven, and newcomers are asked to arrive ten minutes early to meet the section leaders.</p>",
            ),
            (
                "paragraph",
                '<p>The choir has also started to travel. In the summer it sang at a festival in a town upriver, and it has been invited to perform at the regional hospital\'s children\'s ward before the winter holidays. Mr Fenn is careful not to let it become a project about displacement. "We are not a choir of refugees and hosts," he says. "We are a choir. Some of us arrived last year and some of us arrived seventy years ago."</p>',
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "aid-convoys-shift-to-rail",
        "section": "region",
        "title": "Aid convoys shift to rail as the mountain road closes for winter",
        "standfirst": "Humanitarian supplies collected in Korvany will travel east by train until spring, after snow closed the only road pass open to heavy lorries.",
        "authors": ["andrei-volsky"],
        "tags": ["displaced families", "transport"],
        "hours_ago": 364,
        "hero": {
            "motif": "mountains",
            "caption": "The Kaldar pass, which carries the main road east and is closed to heavy lorries from November until spring.",
            "credit": "Andrei Volsky / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Humanitarian aid collected in Korvany for communities affected by the conflict beyond the eastern border will travel by rail for the rest of the winter, after early snowfall closed the Kaldar pass to heavy lorries on Sunday. Aid groups said the first dedicated freight train, carrying 22 wagons of food, medicine, generators and winter clothing, left the Korvany freight yard on Tuesday night.</p>",
            ),
            (
                "paragraph",
                "<p>For most of the past three years, aid from the Ivra valley has been driven east in lorry convoys over the Kaldar pass, the shortest route to the border crossings. The pass usually closes to heavy vehicles in December, but heavy snow came three weeks early this year. The alternative road route is almost twice as long and passes through towns where the roads are already congested.</p>",
            ),
            (
                "image",
                {
                    "motif": "train",
                    "caption": "Wagons loaded with generators and winter clothing at the Korvany freight yard before the first aid train left.",
                    "credit": "Andrei Volsky / The Korvany Ledger",
                },
            ),
            ("subheading", "A slower but steadier route"),
            (
                "paragraph",
                "<p>Rail is slower, taking about two and a half days to reach the transfer point near the border compared with a day and a half by road, but organisers say it is more reliable in winter and cheaper per tonne. The state railway has agreed to run one aid train a week at cost price until the pass reopens, and to give the trains priority on the single-track section through the eastern hills.</p>",
            ),
            (
                "quote",
                {
                    "text": "A lorry stuck in a snowdrift helps nobody. A train that leaves every Tuesday, whatever the weather, means people on the other end can plan.",
                    "attribution": "Hanna Lysak, coordinator, Ivra Valley Welcome Network",
                },
            ),
            (
                "paragraph",
                "<p>The change means new routines for the volunteers who sort and pack donations in a warehouse near the freight yard. Supplies must now be packed onto pallets that fit railway wagons, and the cut-off for each week's train is Monday at noon. Aid groups say generators, thermal blankets, children's winter boots and medical dressings are the most urgently needed items, and ask people not to donate summer clothing.</p>",
            ),
            (
                "paragraph",
                "<p>Road convoys are expected to resume when the pass reopens, usually in April. Until then, the weekly train will also carry back a small number of passengers, mostly relatives accompanying vulnerable family members who are being moved to Korvany for medical care. Aid groups say they are working with the regional hospital to make sure beds are ready when each train arrives.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": 10,
    },
    {
        "slug": "korvany-to-host-national-rowing-championships",
        "section": "sport",
        "title": "Korvany to host national rowing championships on the Ivra",
        "standfirst": "The city will stage the championships next summer for the first time in 27 years, on a course between the Northern Bridge and the old weir.",
        "authors": ["petro-halan"],
        "tags": ["river ivra"],
        "hours_ago": 389,
        "hero": {
            "motif": "river",
            "caption": "The stretch of the Ivra above the Northern Bridge that will host the championship course.",
            "credit": "Yurii Benko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>Korvany will host the national rowing championships next July, the Dalmiran Rowing Federation announced on Friday, bringing the country's biggest regatta back to the Ivra for the first time since the 1990s. About 900 rowers from 48 clubs are expected to compete over three days on a two-kilometre course between the Northern Bridge and the old weir.</p>",
            ),
            (
                "paragraph",
                "<p>The city last hosted the championships 27 years ago, but pollution and silt in the river made the course unpopular and the event moved to a purpose-built lake near Merogard. Improvements in water quality, along with dredging carried out by the port authority, mean the Ivra now meets the federation's standards. The federation's president, Iryna Gavel, said the river offered something a lake could not: crowds.</p>",
            ),
            (
                "quote",
                {
                    "text": "On a lake, rowers race in front of their families. On the Ivra, they will race past an entire city sitting on the riverbank. That is the atmosphere our sport needs.",
                    "attribution": "Iryna Gavel, president, Dalmiran Rowing Federation",
                },
            ),
            ("subheading", "A boost for local clubs"),
            (
                "paragraph",
                "<p>Korvany has three rowing clubs, including the Polytechnic's, and all three say membership has grown over the past two years. The city has agreed to spend 6 million ducats on a new pontoon, temporary stands and improvements to the riverside path, which will stay in place after the championships. Club officials hope the event will help them attract young rowers from schools across the city.</p>",
            ),
            (
                "paragraph",
                "<p>The championships are also expected to bring business to the city. The federation estimates that competitors, coaches and spectators will fill about 2,500 hotel nights over the weekend, and the chamber of commerce has asked restaurants along the riverside to prepare for their busiest weekend of the summer. The event will be broadcast live on national television for the first time in a decade.</p>",
            ),
            ("read_also", "half-marathon-moves-to-riverside-route"),
            (
                "paragraph",
                "<p>Organisers say the regatta will not require the river to be closed to commercial traffic, as barges can pass outside racing hours, but the riverside path will be partly closed during the event. Entry for spectators will be free. Volunteers who want to help with stewarding, timing or catering can register with the federation from January.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
    {
        "slug": "community-gardens-win-participatory-budget",
        "section": "city",
        "title": "Community gardens plan wins the city's first participatory budget vote",
        "standfirst": "Residents chose to turn six vacant lots into shared vegetable gardens, ahead of proposals for skate parks, drinking fountains and a dog park.",
        "authors": ["irina-valcheva"],
        "tags": ["city council", "budget"],
        "hours_ago": 405,
        "hero": {
            "motif": "skyline",
            "caption": "Apartment blocks in Brick Fields overlooking one of the vacant lots that will become a community garden.",
            "credit": "Vira Solomko / The Korvany Ledger",
        },
        "body": [
            (
                "paragraph",
                "<p>A proposal to turn six vacant lots across Korvany into shared vegetable gardens has won the city's first participatory budget vote, in which residents decided how to spend 10 million ducats of public money. The gardens plan received just over 8,700 votes, ahead of a network of small skate parks and a scheme to install drinking fountains in every district.</p>",
            ),
            (
                "paragraph",
                "<p>Almost 41,000 residents aged sixteen and over took part in the two-week vote, online or on paper at libraries and service centres, a turnout the mayor's office described as far above expectations. Residents had submitted 212 proposals in the spring, which city officials checked for cost and feasibility before a shortlist of twenty-four went to the vote. Projects are funded in order of votes until the money runs out.</p>",
            ),
            (
                "quote",
                {
                    "text": "People told us what they wanted, and it was not a monument. It was a place to grow tomatoes with their neighbours. That tells you something about this city.",
                    "attribution": "Daria Kosten, mayor of Korvany",
                },
            ),
            (
                "paragraph",
                "<p>The gardens proposal was put forward by a group of residents from Brick Fields and the Mill Quarter, including several displaced families who had farmed before they came to Korvany. Each garden will have raised beds, a water supply, a tool shed and a small covered area for meetings. Plots will be allocated by lottery, with some set aside for schools and for residents with disabilities.</p>",
            ),
            (
                "paragraph",
                "<p>Not everyone was satisfied. Some councillors questioned whether the vote favoured districts with better-organised residents' groups, noting that turnout in the old town was more than double that in parts of Zarichna. The mayor's office said it would publish turnout by district and consider reserving part of next year's budget for projects in neighbourhoods where participation was lowest.</p>",
            ),
            (
                "paragraph",
                "<p>The skate parks and fountains will also be funded, along with four smaller projects, including new benches along the riverside path and a mobile library for the outer estates. The council has promised to repeat the vote next year with a larger budget. Work on the first two gardens is due to begin in March, in time for the first spring planting.</p>",
            ),
        ],
        "corrections": [],
        "updated_hours_after": None,
    },
]

EDITORS_PICKS = [
    "how-the-conflict-reshaped-korvany",
    "inside-the-control-room-keeping-the-lights-on",
    "polytechnic-maps-where-the-ivra-floods-first",
    "court-orders-rehousing-lantern-street",
    "rising-rents-push-bakeries-out-of-old-town",
]

# The News Feed: short updates, newest first. "minutes_ago" is counted from
# the moment the demo is loaded; "article" links the full story.
NEWS_FEED = [
    {
        "minutes_ago": 4,
        "text": "Korvany Power Networks says the last 300 homes in the Mill Quarter have power again.",
    },
    {
        "minutes_ago": 19,
        "text": "The city council will meet in an extra session on Thursday to vote on the heating fund.",
        "article": "council-approves-emergency-heating-fund",
    },
    {"minutes_ago": 37, "text": "Tram line 4 is running again between the depot and the river station."},
    {
        "minutes_ago": 58,
        "text": "Substation fault: repair crews expect to finish work at Zarichna by early evening.",
        "article": "overnight-outage-eastern-korvany",
    },
    {
        "minutes_ago": 95,
        "text": "Fog has closed the Ivra ferry crossing until at least noon, the harbour office says.",
    },
    {
        "minutes_ago": 140,
        "text": "The trial of two former port officials resumes this afternoon with the first defence witness.",
        "article": "port-procurement-trial-opens",
    },
    {
        "minutes_ago": 210,
        "text": "Schools in the eastern districts open an hour late today after the overnight outage.",
    },
    {
        "minutes_ago": 300,
        "text": "The regional emergency service reports no injuries from last night's storm.",
    },
    {
        "minutes_ago": 1500,
        "text": "City libraries extend opening hours as warm rooms through the end of the month.",
    },
    {
        "minutes_ago": 1620,
        "text": "Korvany's water company publishes its winter maintenance schedule for the old town.",
    },
    {
        "minutes_ago": 2950,
        "text": "The Ivra rose 40 centimetres overnight; no flood warnings have been issued.",
    },
]

# Newsletters readers can sign up for (masthead.newsletters).
NEWSLETTER_LISTS = [
    {
        "slug": "ledger-daily",
        "name": "Ledger Daily",
        "description": "The day's news from Korvany in your inbox at seven.",
        "sender_name": "The Korvany Ledger",
        "sender_email": "daily@ledger.example",
        "schedule": "daily",
        "send_time": "07:00",
        "sort_order": 0,
    },
    {
        "slug": "the-week",
        "name": "The Week in the Lowlands",
        "description": "Our editors' pick of the week's reporting, every Saturday morning.",
        "sender_name": "The Korvany Ledger",
        "sender_email": "weekly@ledger.example",
        "schedule": "weekly",
        "send_time": "09:00",
        "weekday": 5,
        "sort_order": 1,
    },
]

# A fund readers can give to (masthead.revenue), with a banner while it runs.
CAMPAIGNS = [
    {
        "slug": "the-harbour-files",
        "name": "The Harbour Files",
        "description": (
            "Two reporters and a data editor spend a year reading every contract the port authority "
            "has signed since 2019. Readers pay for it, so nobody with a stake in the port does."
        ),
        "goal_amount": 1_500_000,  # minor units: 15,000.00
        "currency": "usd",
        "banner_text": "Fund The Harbour Files: a year of reporting on the port's contracts",
        "started_days_ago": 12,
        "runs_days": 60,
    },
]
