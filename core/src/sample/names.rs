//! French vocabulary of the sample: services, partner names, project titles, towns. The
//! names are illustrative; no record describes a real body's real commitment.

use crate::model::partner::PartnerKind;

/// Services of the city (id, name): the DADI and the services it works with.
pub(crate) const SERVICES: [(&str, &str); 12] = [
    ("dadi", "Direction de l'Attractivité, du Développement et de l'Innovation (DADI)"),
    ("urbanisme", "Urbanisme et aménagement"),
    ("voirie", "Voirie et espaces publics"),
    ("finances", "Finances et commande publique"),
    ("rh", "Ressources humaines"),
    ("culture", "Culture et patrimoine"),
    ("sports", "Sports"),
    ("education", "Éducation et jeunesse"),
    ("environnement", "Environnement et transition écologique"),
    ("commerce", "Commerce et centre-ville"),
    ("solidarites", "Solidarités et cohésion sociale (CCAS)"),
    ("numerique", "Systèmes d'information et numérique"),
];

/// How often each service leads a project (same order as [`SERVICES`]).
pub(crate) const LEAD_WEIGHTS: [f64; 12] = [2.0, 4.0, 3.0, 0.5, 0.3, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0];

/// The institutional partners that sign the INVESTINROMANS charter first.
pub(crate) const INSTITUTIONS: [(PartnerKind, &str); 24] = [
    (PartnerKind::State, "Préfecture de la Drôme (DSIL, DETR)"),
    (PartnerKind::Region, "Région Auvergne-Rhône-Alpes"),
    (PartnerKind::Department, "Département de la Drôme"),
    (PartnerKind::Intercommunality, "Valence Romans Agglo"),
    (PartnerKind::PublicAgency, "Banque des Territoires"),
    (PartnerKind::Eu, "Union européenne — FEDER Auvergne-Rhône-Alpes"),
    (PartnerKind::PublicAgency, "Agence nationale pour la rénovation urbaine (ANRU)"),
    (PartnerKind::PublicAgency, "ADEME Auvergne-Rhône-Alpes"),
    (PartnerKind::State, "Direction régionale des affaires culturelles (DRAC)"),
    (PartnerKind::PublicAgency, "Agence nationale du sport"),
    (PartnerKind::PublicAgency, "Caisse d'allocations familiales de la Drôme"),
    (PartnerKind::Eu, "Union européenne — programme LEADER (FEADER)"),
    (PartnerKind::PublicAgency, "Agence de l'eau Rhône-Méditerranée-Corse"),
    (PartnerKind::PublicAgency, "Agence nationale de l'habitat (Anah)"),
    (PartnerKind::Department, "Département de l'Ardèche"),
    (PartnerKind::Intercommunality, "Syndicat mixte du SCoT du Grand Rovaltain"),
    (PartnerKind::Bank, "Crédit Agricole Sud Rhône-Alpes"),
    (PartnerKind::Bank, "Caisse d'Épargne Loire Drôme Ardèche"),
    (PartnerKind::Bank, "Banque Populaire Auvergne Rhône Alpes"),
    (PartnerKind::Other, "Chambre de commerce et d'industrie de la Drôme"),
    (PartnerKind::Other, "Chambre de métiers et de l'artisanat de la Drôme"),
    (PartnerKind::Foundation, "Fondation du patrimoine"),
    (PartnerKind::Other, "Office de tourisme Valence Romans Tourisme"),
    (PartnerKind::Other, "Université Grenoble Alpes — campus de Valence"),
];

/// Relative frequency of each kind among the partners that join later (order of
/// [`PartnerKind::ALL`]).
pub(crate) const LATER_KIND_WEIGHTS: [f64; 11] = [1.0, 0.5, 0.5, 1.5, 0.5, 3.0, 48.0, 22.0, 6.0, 4.0, 8.0];

pub(crate) const SURNAMES: [&str; 40] = [
    "Faure", "Chabert", "Vial", "Gauthier", "Reynaud", "Barbier", "Jourdan", "Roux", "Bonnet", "Michel",
    "Chapuis", "Mounier", "Arnaud", "Brunel", "Fayolle", "Gleizal", "Peyrard", "Rey", "Sauvan", "Teyssier",
    "Achard", "Bouvier", "Chosson", "Delorme", "Espenel", "Fournier", "Giraud", "Imbert", "Jullien",
    "Lombard", "Marcel", "Nicolas", "Odemard", "Pichon", "Queyrel", "Robin", "Sibeud", "Tardy", "Vernet",
    "Zanetti",
];

pub(crate) const COMPANY_TRADES: [&str; 16] = [
    "Chaussures",
    "Tannerie",
    "Pognes",
    "Ateliers",
    "Maroquinerie",
    "Transports",
    "Imprimerie",
    "Bâtiment",
    "Menuiserie",
    "Paysages",
    "Électricité",
    "Numérique",
    "Conseil",
    "Traiteur",
    "Optique",
    "Garage",
];

pub(crate) const COMPANY_FORMS: [&str; 4] = ["SA", "SAS", "SARL", "SCOP"];

pub(crate) const ASSOCIATION_NAMES: [&str; 14] = [
    "Amis du musée de la chaussure",
    "Comité des fêtes du centre ancien",
    "Union commerciale romanaise",
    "Club sportif des Balmes",
    "Compagnie de théâtre de la Presle",
    "Jardins partagés de la Monnaie",
    "Maison de quartier Saint-Nicolas",
    "Harmonie municipale",
    "Entraide des Ors",
    "Ciné-club Jacquemart",
    "Patrimoine romanais",
    "Vélo-école de l'Isère",
    "Initiative Drôme des Collines",
    "Repair café romanais",
];

pub(crate) const FOUNDATION_PREFIXES: [&str; 3] =
    ["Fondation", "Fonds de dotation", "Fondation d'entreprise"];

pub(crate) const OTHER_NAMES: [&str; 8] = [
    "Lycée professionnel",
    "Bailleur social",
    "Société d'économie mixte",
    "Établissement public foncier",
    "Centre hospitalier",
    "Coopérative agricole",
    "Syndicat d'énergie",
    "Mutuelle",
];

pub(crate) const PUBLIC_BODIES: [&str; 6] = [
    "Commune voisine",
    "Syndicat intercommunal",
    "Service déconcentré de l'État",
    "Agence publique",
    "Collectivité partenaire",
    "Programme européen",
];

pub(crate) const ACTIONS: [&str; 12] = [
    "Réhabilitation",
    "Aménagement",
    "Création",
    "Rénovation énergétique",
    "Extension",
    "Requalification",
    "Construction",
    "Mise en accessibilité",
    "Modernisation",
    "Végétalisation",
    "Sécurisation",
    "Étude de programmation",
];

pub(crate) const OBJECTS: [&str; 16] = [
    "de la halle",
    "du gymnase",
    "de l'école",
    "de la médiathèque",
    "du musée international de la chaussure",
    "des berges de l'Isère",
    "de la place",
    "du parc",
    "de la piscine",
    "du centre social",
    "de la voie verte",
    "des cours d'école",
    "de l'îlot commercial",
    "du pôle d'échanges",
    "de la maison de santé",
    "des ateliers de la Cité de la chaussure",
];

pub(crate) const PLACES: [&str; 10] = [
    "du centre ancien",
    "de la Monnaie",
    "des Ors",
    "de Saint-Nicolas",
    "de la Presle",
    "des Balmes",
    "Jacquemart",
    "de Mossant",
    "des Chasses",
    "de la gare",
];

/// Towns for the region's city workspaces.
pub(crate) const TOWNS: [&str; 24] = [
    "Romans-sur-Isère",
    "Valence",
    "Montélimar",
    "Bourg-de-Péage",
    "Crest",
    "Die",
    "Nyons",
    "Tain-l'Hermitage",
    "Saint-Vallier",
    "Pierrelatte",
    "Livron-sur-Drôme",
    "Loriol-sur-Drôme",
    "Annonay",
    "Tournon-sur-Rhône",
    "Privas",
    "Aubenas",
    "Vienne",
    "Voiron",
    "Saint-Marcellin",
    "Guilherand-Granges",
    "Portes-lès-Valence",
    "Chabeuil",
    "Dieulefit",
    "Saint-Rambert-d'Albon",
];

/// Themes of the generated (benchmark) indicators.
pub(crate) const THEMES: [&str; 8] = [
    "activité",
    "partenariats",
    "gestion de projet",
    "cofinancement",
    "qualité de vie au travail",
    "formation",
    "usagers",
    "territoire",
];
