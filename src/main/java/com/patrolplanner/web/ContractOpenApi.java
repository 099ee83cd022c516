package com.patrolplanner.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes the REST contract (issue 17) into the OpenAPI document: every operation may answer 400 for a query parameter it
 * does not declare; every list (an operation with a {@code limit} parameter) pages with {@code limit}/{@code offset},
 * sorts with {@code sort}, and answers a {@code Link} header and {@code numberMatched}/{@code numberReturned}.
 */
public class ContractOpenApi implements OASFilter {
    static final String CONTRACT = """
            One REST contract. Geographic records are GeoJSON, served for `Accept: application/geo+json` and \
            `application/json` alike; `PUT` takes the Feature its `GET` returns (`version` in `properties`) or the bare \
            properties. Lists take `limit`, `offset` and `sort` (comma-separated fields, `-` for descending) and answer \
            `numberMatched`, `numberReturned` (GeoJSON lists: `features`; other lists: `items`) and a `Link` header \
            (`rel="next"` while rows remain, `rel="prev"` after the first page). A query parameter an operation does \
            not declare is a 400 problem+json naming it.""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            String d = openAPI.getInfo().getDescription();
            openAPI.getInfo().setDescription(d == null || d.isBlank() ? CONTRACT : d + "\n\n" + CONTRACT);
        }
    }

    @Override
    public Operation filterOperation(Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean list = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY && "limit".equals(p.getName()));
        boolean hasQuery = op.getParameters() != null
                && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        if ((hasQuery || list) && !responses.hasAPIResponse("400")) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("a query parameter this operation does not declare, or a bad value (problem+json naming it)"));
        }
        if (list) {
            APIResponse ok = responses.getAPIResponse("200");
            if (ok == null) {
                ok = OASFactory.createAPIResponse().description("OK");
                responses.addAPIResponse("200", ok);
            }
            Header link = OASFactory.createHeader().description("RFC 8288 links to the next page (rel=\"next\", while rows "
                    + "remain) and the previous one (rel=\"prev\"), the same query with another offset")
                    .schema(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING)));
            ok.addHeader("Link", link);
            if (ok.getDescription() == null || ok.getDescription().isBlank() || "OK".equals(ok.getDescription())) {
                ok.setDescription("one page: numberMatched, numberReturned and the rows (features or items)");
            }
        }
        return op;
    }
}
