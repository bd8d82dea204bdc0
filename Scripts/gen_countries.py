#!/usr/bin/env python3
"""Writes Sources/CoauthorCore/Levels/CountryTable.swift from Debian's iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json) plus the spellings databases use that ISO does not
(Web of Science's abbreviations, Scopus's and PubMed's common names). Run it again when either changes:

    python3 Scripts/gen_countries.py > Sources/CoauthorCore/Levels/CountryTable.swift
"""
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

# Spellings seen in Web of Science (C1), Scopus, PubMed, OpenAlex and Crossref affiliations.
VARIANTS = {
    "US": ["USA", "U.S.A.", "U.S.", "United States", "United States of America", "America"],
    "GB": ["UK", "U.K.", "United Kingdom", "Great Britain", "Britain", "England", "Scotland", "Wales",
           "North Ireland", "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"],
    "CN": ["China", "Peoples R China", "People's Republic of China", "Peoples Republic of China", "PR China",
           "P.R. China", "P. R. China", "P.R.China", "PRC", "Mainland China"],
    "KR": ["South Korea", "Korea", "Republic of Korea", "Korea, Republic of", "Korea (South)", "Korea South",
           "S Korea", "Korea Rep", "Rep Korea", "Rep of Korea"],
    "KP": ["North Korea", "Korea, Democratic People's Republic of", "Democratic People's Republic of Korea",
           "Dem People's Rep Korea", "Korea (North)", "DPR Korea"],
    # Russia carries on the Soviet Union as its continuator state, as Serbia carries on Serbia and
    # Montenegro (`FORMER` lists the states that dissolved without one).
    "RU": ["Russia", "Russian Federation", "USSR", "Soviet Union", "Union of Soviet Socialist Republics"],
    "RS": ["Serbia", "Serbia Monteneg", "Serbia and Montenegro", "Serbia & Montenegro"],
    "IR": ["Iran", "Islamic Republic of Iran", "Iran, Islamic Republic of"],
    "VN": ["Vietnam", "Viet Nam", "Socialist Republic of Viet Nam"],
    "CZ": ["Czechia", "Czech Republic"],
    "TR": ["Turkey", "Turkiye", "Türkiye", "Republic of Türkiye"],
    "TW": ["Taiwan", "Taiwan, ROC", "Taiwan, Republic of China", "Republic of China (Taiwan)", "Taiwan, Province of China",
           "Chinese Taipei", "Taiwan, China"],
    # Web of Science writes `Hong Kong, Peoples R China`; Scopus, OpenAlex and ISO give Hong Kong a
    # code of its own, which the address is given whoever wrote it (`Countries.code(fromAddress:)`).
    "HK": ["Hong Kong", "Hong Kong SAR", "Hong Kong, China", "Hong Kong SAR, China", "Hong Kong, Peoples R China",
           "Hong Kong, PR China", "Hong Kong, People's Republic of China", "Hong Kong SAR, Peoples R China",
           "Hong Kong SAR, PR China"],
    "MO": ["Macau", "Macao", "Macao SAR", "Macau SAR", "Macao SAR, China", "Macau SAR, China", "Macao, China", "Macau, China",
           "Macau, Peoples R China", "Macao, Peoples R China", "Macau, PR China", "Macao, PR China",
           "Macao SAR, Peoples R China", "Macau SAR, Peoples R China", "Macao SAR, PR China", "Macau SAR, PR China"],
    # A state renamed is its country under today's name: West Germany, Zaire, Upper Volta, ….
    "DE": ["Germany", "Fed Rep Ger", "Federal Republic of Germany", "Deutschland", "W Germany", "West Germany",
           "Fed Rep Germany", "Germany, West", "FRG"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
    "KH": ["Kampuchea", "Democratic Kampuchea"],
    "LK": ["Sri Lanka", "Ceylon"],
    "ZW": ["Rhodesia", "Southern Rhodesia"],
    "YE": ["Yemen", "North Yemen", "South Yemen", "Yemen Arab Rep", "Yemen Dem Rep", "Peoples Dem Rep Yemen"],
    "UA": ["Ukraine", "Ukrainian SSR"],
    "AE": ["U Arab Emirates", "UAE", "United Arab Emirates"],
    "CD": ["Zaire", "Dem Rep Congo", "Democratic Republic of the Congo", "DR Congo", "Congo, The Democratic Republic of the",
           "Congo (Kinshasa)"],
    "CG": ["Rep Congo", "Republic of the Congo", "Congo", "Congo (Brazzaville)"],
    "CF": ["Cent Afr Republ", "Central African Republic"],
    "CI": ["Cote Ivoire", "Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast"],
    "BA": ["Bosnia & Herceg", "Bosnia and Herzegovina", "Bosnia & Herzegovina", "Bosnia"],
    "TT": ["Trinid & Tobago", "Trinidad & Tobago", "Trinidad and Tobago", "Trinidad Tobago"],
    "PG": ["Papua N Guinea", "Papua New Guinea"],
    "ST": ["Sao Tome & Prin", "Sao Tome and Principe"],
    "KN": ["St Kitts & Nevi", "Saint Kitts and Nevis", "St Kitts and Nevis"],
    "AG": ["Antigua & Barbu", "Antigua and Barbuda"],
    "TC": ["Turks & Caicos", "Turks and Caicos Islands"],
    "MH": ["Marshall Island", "Marshall Islands"],
    "SB": ["Solomon Isl", "Solomon Islands"],
    "FK": ["Falkland Island", "Falkland Islands"],
    "PF": ["Fr Polynesia", "French Polynesia"],
    "GF": ["Fr Guiana", "French Guiana"],
    "GW": ["Guinea Bissau", "Guinea-Bissau"],
    "GQ": ["Equat Guinea", "Equatorial Guinea"],
    "MK": ["North Macedonia", "Macedonia", "Republic of North Macedonia", "Rep of Macedonia", "FYR Macedonia"],
    "DO": ["Dominican Rep", "Dominican Republic"],
    "BY": ["Byelarus", "Belarus", "Byelorussia", "Byelorussian SSR"],
    "BN": ["Brunei", "Brunei Darussalam"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "VC": ["St Vincent", "Saint Vincent and the Grenadines"],
    "LC": ["St Lucia", "Saint Lucia"],
    "TZ": ["Tanzania", "United Republic of Tanzania"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "LA": ["Laos", "Lao PDR"],
    "MD": ["Moldova", "Republic of Moldova"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "Palestine, State of"],
    "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "MM": ["Myanmar", "Burma"],
    "TL": ["Timor-Leste", "East Timor"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic"],
    "SK": ["Slovakia", "Slovak Republic"],
    "LY": ["Libya"],
    "IE": ["Ireland", "Republic of Ireland", "Irish Republic"],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "RE": ["Reunion", "Réunion"],
    "CW": ["Curacao", "Curaçao"],
    "NZ": ["New Zealand", "Aotearoa New Zealand"],
    "ZA": ["South Africa", "Republic of South Africa"],
    # The countries' own names, as authors write them in addresses (PubMed's `AD`: `SP, Brasil.`).
    "BR": ["Brasil"],
    "IT": ["Italia"],
    "ES": ["España", "Espana"],
    "MX": ["México"],
    "PE": ["Perú"],
    "CH": ["Schweiz", "Suisse", "Svizzera"],
    "AT": ["Österreich", "Osterreich"],
    "NL": ["Netherlands", "The Netherlands", "Holland", "Nederland"],
    "PL": ["Polska"],
    "SE": ["Sverige"],
    "NO": ["Norge"],
    "DK": ["Danmark"],
    "FI": ["Suomi"],
    "BE": ["Belgique", "België", "Belgie"],
    "WS": ["Samoa", "Western Samoa"],
}

# States that dissolved into several with no continuator: each is a node of its own, with the
# alpha-2 code ISO 3166-3 records for it (a 1977 paper of Belgrade and Oak Ridge is international:
# a user trial of session 55 found `YUGOSLAVIA` no country). Kosovo has XK, the code the EU and
# the World Bank use, ISO having assigned none. Each line: code, display name, other spellings.
FORMER = {
    "AN": ["Netherlands Antilles", "Neth Antilles"],
    "CS": ["Czechoslovakia", "Czechoslovak Socialist Republic", "Czech and Slovak Federal Republic", "CSSR", "CSFR"],
    "DD": ["East Germany", "Ger Dem Rep", "German Democratic Republic", "GDR", "DDR", "Germany, East", "E Germany"],
    "XK": ["Kosovo", "Republic of Kosovo"],
    "YU": ["Yugoslavia", "Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia", "SFR Yugoslavia"],
}


def main():
    entries = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    lines = []
    for entry in sorted(entries, key=lambda e: e["alpha_2"]):
        code = entry["alpha_2"]
        display = entry.get("common_name", entry["name"])
        spellings = [display, entry["name"]] + ([entry["official_name"]] if "official_name" in entry else [])
        spellings += VARIANTS.get(code, [])
        seen, unique = set(), []
        for spelling in spellings:
            if spelling not in seen:
                seen.add(spelling)
                unique.append(spelling)
        lines.append(code + "\t" + "\t".join(unique))
    assigned = {entry["alpha_2"] for entry in entries}
    for code, spellings in FORMER.items():
        assert code not in assigned, code
        lines.append(code + "\t" + "\t".join(spellings))
    lines.sort()
    out = sys.stdout
    out.write("// Generated by Scripts/gen_countries.py from Debian's iso-codes (ISO 3166-1) and the spellings\n")
    out.write("// databases use; do not edit by hand.\n\n")
    out.write("extension Countries {\n")
    out.write("    /// One line per country: the alpha-2 code, the display name, then every other spelling, tab-separated.\n")
    out.write("    static let table = \"\"\"\n")
    for line in lines:
        out.write("        " + line.replace("\\", "\\\\").replace('"', '\\"') + "\n")
    out.write("        \"\"\"\n}\n")


if __name__ == "__main__":
    main()
