const kn=74,Mn=[74],xn={9074:((dn,K,I)=>{I.r(K),I.d(K,{STATUS_COMMENT_LIMIT:()=>H,renderRefusal:()=>fn,renderStatusComment:()=>an});var hn=I(3340),pn=I(3024),mn=I(481),gn=I(4169),$n=I(1455);const rt=43,it=45,ut=10,lt=13,L=4096,Y=null,ct=Buffer.from("diff --git "),Z=Buffer.from("@@"),J=Buffer.from("+++ b/"),at=Buffer.from("GIT binary patch"),ft=Buffer.from("Binary files "),X=Buffer.from(" differ");function T(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function dt(t){const n=t.slice(11),e=n.match(/^"a\/(.*)" "b\/(.*)"$/);if(e?.[2])return e[2];const s=(n.length-1)/2;if(Number.isInteger(s)&&n.slice(0,s).replace(/^a\//,"")===n.slice(s+1).replace(/^b\//,""))return n.slice(s+1).replace(/^b\//,"");const o=n.lastIndexOf(" b/");return o>=0?n.slice(o+3):n}function yn(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class V{files=[];current;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(ut,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+L))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+L));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,L):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===lt?n.subarray(0,-1):n;if(T(e,ct)){this.current={path:dt(e.toString("utf8")),additions:0,deletions:0,binary:!1},this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const o=e[0];this.inHunk?o===rt?s.additions++:o===it?s.deletions++:T(e,Z)&&(this.inHunk=!0):T(e,Z)?this.inHunk=!0:T(e,at)||T(e,ft)&&e.subarray(-X.length).equals(X)?s.binary=!0:T(e,J)&&(s.path=e.subarray(J.length).toString("utf8"))}}async function In(t){const n=new V,e=await open(t,"r");try{const s=Buffer.allocUnsafe(Y);for(;;){const{bytesRead:o}=await e.read(s,0,Y,null);if(o===0)break;n.push(s.subarray(0,o))}}finally{await e.close()}return n.end()}function _n(t){const n=new V;return n.push(Buffer.from(t)),n.end()}const ht=1e6,A=null,pt=300,O=300,mt=2e3,gt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},N=t=>Buffer.byteLength(t,"utf8");function m(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function j(t){return m(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function Q(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function F(t,n=""){const e=Q(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function S(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function $t(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function C(t,n){return N(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function yt(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:o}=t;o?.kind==="pull-request"?s.push(`[Pull request${o.number===null?"":` #${o.number}`}](${o.url}) (${o.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const r=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),i=[["State",normalizeState(n.state)],["Agent",r],["Duration",$t(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",o?.kind==="commit"?It(o,e):""],["Delivered",o?.kind==="none"?j(o.reason):""]].filter(([,c])=>c!=="").map(([c,a])=>`| ${c} | ${a} |`).join(`
`);let l=`## ${gt[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${i}

`;return t.failure&&(l+=`> [!CAUTION]
> ${m(t.failure).replace(/\n/g,`
> `)}

`),t.stoppedBy&&(l+=`> [!NOTE]
> Stopped by \`${t.stoppedBy}\`, who asked for it on the thread.

`),l}function It(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${j(t.branch)}\``}function _t(t){return t.length<=pt&&!t.includes(`
`)?`### Prompt

${F(t,"text")}
`:`### Prompt

${S(`Prompt (${t.length} characters)`,F(C(t,A),"text"))}
`}function bt(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${C(n.result,A)}

`);const s=n.steps??[];if(s.length>0){const o=s.map((r,u)=>`${u+1}. **${m(r.title)}**${r.message?`: ${m(r.message)}`:""}`).join(`
`);e+=S(`Steps (${s.length})`,C(o,A))+`
`}return e}function Tt(t,n,e){const s=t.length===1?"file":"files";let o=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;o+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const r of t.slice(0,O))o+=`| \`${j(r.path)}\`${r.binary?" (binary)":""} | ${r.additions} | ${r.deletions} |
`;return t.length>O&&(o+=`
_\u2026and ${t.length-O} more files._
`),o+`
`}function v(t){return 400+2*N(t.path)}function Nt(t){const{stat:n}=t,e=`<code>${m(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return S(e,`_Binary file: its content is not shown._
`);const s=F(t.lines.join(`
`),"diff");return t.cut?S(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):S(e,s)}async function St(t,n,e,s){let o="",r=0,u=0,i;const l=()=>e-N(o),c=()=>{i&&(o+=s(Nt(i)),i.cut||r++,i=void 0)},a=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of a){if(f.startsWith("diff --git ")){c();const y=n[u++]??{path:"",additions:0,deletions:0,binary:!1};if(v(y)>l())break;i={stat:y,lines:[],size:0,binary:y.binary,cut:!1}}if(!i||i.binary)continue;if(isBinaryMarker(f)){i.binary=!0,i.lines=[];continue}const $=N(f)+1;if(i.size+$+v(i.stat)>l()){i.cut=!0;break}i.size+=$,i.lines.push(f)}}finally{a.close()}const p=i?.cut&&i.lines.length>0?i.stat.path:void 0;return i&&(!i.cut||p)&&c(),{markdown:o,whole:r,cutPath:p}}function Et(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${m(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${m(e)}\`).
`}async function kt(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e(Tt(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const o=ht-n-N(s)-mt-100,r=await St(t.resultFile,t.stat.files,Math.max(0,o),e);s+=`### Diff

${r.markdown}
`,s+=Et(r,t.stat.files.length,t.resultFile)}return s}async function bn(t,n){const e=n(yt(t)+_t(t.prompt)+bt(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await kt(s??Mt,N(e),n)}const Mt={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function Tn(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,o])=>`| ${s} | ${o} |`).join(`
`)}

`),e+(t.body??"")}async function Nn(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}var _=I(504);function E(t){return(0,_.W5)(t)?`\`${t}\``:"someone"}function b(t){return isMarkerId(t)?`\`${t}\``:"(an id of unexpected shape)"}function P(t){return/^[a-z_-]{1,32}$/.test(t)?t:"in a state of unexpected shape"}function W(t,n){return/^https:\/\/[^\s<>"'`\\()[\]]+$/.test(n)?`[${t}](${n})`:""}function tt(t,n){return n==="requested"?`\u23F9\uFE0F Stop requested by ${E(t)} on this thread; the session is being stopped.`:`\u23F9\uFE0F Stopped by ${E(t)}, who asked for it on this thread.`}function Sn(t,n,e){const s=t.lastIndexOf(`<!-- ${MARKER_PREFIX}`),o=(s<0?t:t.slice(0,s)).trimEnd(),r=tt(n.stoppedBy,"requested"),u=o.startsWith("## ")?o.indexOf(`

`):-1;return`${u<0?`${r}

${o}`:`${o.slice(0,u)}

${r}${o.slice(u)}`}

${formatMarker(n,e)}`}function xt(t,n){switch(t.kind){case"no-runner":return`No agent runner of this action was found on this thread (no status comment of the action names one${t.byBranch?", and none works on its branch":""}), so there is nothing to stop.`;case"nothing-running":return`Agent runner ${b(t.runnerId)} is not working on anything: its latest session, ${b(t.sessionId)}, is ${P(t.state)}.`;case"stopped":return t.confirmed?`Session ${b(t.sessionId)} of agent runner ${b(t.runnerId)} was stopped, as ${E(n)} asked; it is ${P(t.state)}.`:`Netlify accepted the stop of session ${b(t.sessionId)} of agent runner ${b(t.runnerId)}, as ${E(n)} asked, but it still reads ${P(t.state)}.`;case"failed":return`The stop ${E(n)} asked for on agent runner ${b(t.runnerId)} did not go through.`}}function En(t,n,e){const s=t.kind==="stopped"?"## \u23F9\uFE0F Netlify agent run stopped":t.kind==="failed"?"## \u274C Netlify agent run not stopped":"## \u23F9\uFE0F Nothing to stop",o=t.kind==="failed"?`The ${W("workflow run",e.workflowRunUrl)||"workflow run"} says why.`:[W("Open in Netlify",e.runnerUrl??""),W("Workflow run",e.workflowRunUrl)].filter(Boolean).join(" \xB7 ");return[s,xt(t,n),o].filter(Boolean).join(`

`)}const H=6e4,Rt=2e4,Bt=4e3,nt=4e3,Ut=200,Lt=400,At=5,et=20,Ot=400,w=100,jt=300,Ft=1e3,st=4*H,D="\u200D",Ct=_.Km.replace(":",`:${D}`),Pt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"},Wt=/[\u0000-\u0008\u000b-\u001f\u007f]/g,Ht=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function h(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>st;return{text:(e?n.slice(0,st):n).replace(/\r\n?/g,`
`).replace(Wt,"").replace(Ht,"\uFFFD").split(_.Km).join(Ct),cut:e}}const wt=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function G(t){return t.replace(wt,(n,e)=>e!==void 0?`${e}@${D}`:n==="#"||n.toLowerCase()==="gh-"?n+D:n)}function M(t){return t.replace(/\s+/g," ").trim()}function Dt(t){return m(G(M(t)))}function x(t){const n=M(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(r=>r.length)),s="`".repeat(e+1),o=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${o}${n}${o}${s}`}function Gt(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function R(t){const n=i=>G(i).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(i=>({at:i.index,length:i[0].length})),s=new Map;e.forEach((i,l)=>{const c=s.get(i.length);c?c.push(l):s.set(i.length,[l])});const o=(i,l)=>{const c=s.get(i)??[];let a=0,p=c.length;for(;a<p;){const f=a+p>>1;(c[f]??0)>l?p=f:a=f+1}return c[a]};let r="",u=0;for(let i=0;i<e.length;i++){const l=e[i];if(!l)break;let{at:c,length:a}=l,p=0;for(;t[c-1-p]==="\\";)p++;if(p%2===1&&(c++,a--),a===0)continue;const f=o(a,i),$=f===void 0?void 0:e[f];if(f===void 0||!$)continue;let y=t.slice(c+a,$.at);r+=n(t.slice(u,c)),/[<@#]/.test(y)?(/^ .*[^ ].* $/.test(y)&&(y=y.slice(1,-1)),r+=`<code>${Gt(y)}</code>`):r+=t.slice(c,$.at+$.length),u=$.at+$.length,i=f}return r+n(t.slice(u))}const zt=t=>t>=55296&&t<=56319,qt=t=>t>=56320&&t<=57343;function Kt(t,n){const e=n>0&&n<t.length&&zt(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function Yt(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&qt(t.charCodeAt(e))?e+1:e)}function Zt(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function d(t,n,e,s="start"){const o=8*n+64;if(t.length<=o){const i=e(t);if(i.length<=n)return{text:i,cut:!1}}const r=i=>s==="start"?`${Kt(t,i)}\u2026`:`\u2026${Yt(t,i)}`,u=Zt(Math.min(t.length,o),i=>e(r(i)).length<=n);return{text:e(r(u)),cut:!0}}const Jt=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,Xt=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function Vt(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const u=Xt.exec(s)?.[1];if(u&&u[0]===e.char&&u.length>=e.length){e=void 0;continue}const i=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(i,e.indent)));continue}const o=Jt.exec(s),r=o?.[2]??o?.[4];if(o&&r){const u=(o[3]??o[5]??"").trim().split(/\s+/)[0]??"",i=[];e={char:r[0]??"`",length:r.length,indent:o[1]?.length??0,lines:i},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(u)?u:"",lines:i});continue}n.push({code:!1,line:s})}return n}function z(t,n=""){const e=Q(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function Qt(t){return t.code?z(t.lines.join(`
`),t.info):R(t.line)}function vt(t,n){const e=[];let s=0;for(const o of Vt(t.text)){const r=Qt(o);if(s+r.length+1<=n){e.push(r),s+=r.length+1;continue}const u=n-s-1;if(u>20){const i=o.code?d(o.lines.join(`
`),u,l=>z(l,o.info)):d(o.line,u,R);e.push(i.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function g(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Ft?t:`[${t}](${e})`}function B(t){return d(h(t).text,w,Dt).text}function U(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function k(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function tn(t){if(t.phase==="working"){const n=[B(t.agent),B(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return t.outcome==="cancelled"&&t.stoppedBy?"## \u23F9\uFE0F Netlify agent run stopped":`## ${t.outcome?Pt[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function nn(t){const n=[];if(t.phase==="finished"){const s=B(t.agent),o=B(t.model);s?n.push(`**${s}**${o?` (${o})`:""}`):o&&n.push(o),t.outcome!=="started"&&n.push(U(t.steps.length,"step","steps"))}const e=t.runnerId?d(h(t.runnerId).text,w,x).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function en(t){const n=[g("Open in Netlify",t.runnerUrl),g("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push(g("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function sn(t,n){const e=d(M(h(t?.title).text),Ut,R).text,s=d(M(h(t?.message).text),Lt,R).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function on(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-At),e=t.length-n.length,s=e>0?`_\u2026${U(e,"earlier step","earlier steps")}, then:_

`:"",o=n.map((r,u)=>sn(r,e+u)).join(`
`);return`### Steps so far: ${k(t.length)}

${s}${o}`}function ot(t,n,e){const s=o=>o.split(`
`).map(r=>r.trim()?`> ${m(G(r.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${d(h(n).text.trim(),e,s).text}`}function rn(t){const n=[],e=t.pullRequest;if(e){const o=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${g(o,e.url)}.`)}if(t.commit){const o=h(t.commit.sha).text.trim(),r=/^[0-9a-f]{7,64}$/i.test(o)?o.slice(0,7):d(o,w,x).text,u=d(h(t.commit.branch).text,jt,x).text;n.push(`\u{1F4CC} Committed ${r} to ${u}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function un(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=r=>d(h(r).text,Ot,u=>x(u).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,et).map(r=>r.binary?`| ${e(r.path)} | binary | |`:`| ${e(r.path)} | ${k(r.additions)} | ${k(r.deletions)} |`),o=n.files.length-et;return[`### ${U(n.files.length,"file","files")} changed, +${k(n.additions)} \u2212${k(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...o>0?[`_\u2026and ${U(o,"more file","more files")}._`]:[],`The full diff is in the ${g("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function q(t){const n=h(t.prompt);if(!n.text.trim())return"";const e=d(n.text,Bt,o=>z(o,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${g("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function ln(t,n){const{text:e,cut:s}=h(t.result),o={text:e.trimEnd(),cut:s};if(!o.text.trim())return"";const r=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${g("job summary",t.workflowRunUrl)}.`,u="### Result",i=Math.min(Rt,n-u.length-r.length-4);if(i<=0)return`${u}

${r}`;const l=vt(o,i);return`${u}

${l.text}${l.cut?`

${r}`:""}`}function cn(t){if(!t.seal||!t.runnerId||!(0,_.q9)(t.runnerId))return"";const n=t.sessionId&&(0,_.q9)(t.sessionId)?t.sessionId:void 0,e={runnerId:t.runnerId,sessionId:n},s=t.stoppedBy&&(0,_.W5)(t.stoppedBy)?t.stoppedBy:void 0;return(0,_.gJ)(s?{...e,stoppedBy:s}:e,t.seal)}function an(t){const n=cn(t),e=[tn(t),nn(t),en(t)];let s;t.phase==="working"?s=[on(t.steps),q(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${g("Netlify dashboard",t.runnerUrl)}.`,q(t)]:(t.stoppedBy&&e.push(tt(t.stoppedBy,"stopped")),t.failure?.trim()&&e.push(ot("CAUTION",t.failure,nt)),e.push(rn(t),un(t)),s=[q(t)]);const o=i=>i.filter(Boolean).join(`

`),r=o([...e,...s,n]).length,u=t.phase==="finished"?ln(t,H-r-2):"";return o([...e,u,...s,n])}function fn(t,n,e="\u26D4 Netlify agent run not started"){return[`## ${e}`,ot("WARNING",t,nt),`See the ${g("workflow run",n)} for details.`].join(`

`)}})};export{kn as id,Mn as ids,xn as modules};
